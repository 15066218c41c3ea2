import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { SESSION_KEY, useSession } from '../../app/session.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** The screen a session of a user whose roles require TOTP gets until it enrols one (nothing else is allowed). */
export function EnrolTotpPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: session, isPending } = useSession();
  if (isPending) return <Loading />;
  if (!session) return <Navigate to="/login" replace />;
  if (session.stage === 'full') return <Navigate to="/" replace />;
  return (
    <Page title={t('totp.enrol.title')}>
      <div className="card">
        <TotpEnrolment
          onDone={() => {
            void qc.invalidateQueries({ queryKey: SESSION_KEY }).then(() => navigate('/', { replace: true }));
          }}
        />
      </div>
    </Page>
  );
}

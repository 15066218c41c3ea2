import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRequestsAbility } from './abilities.ts';
import { useRequestList } from './api.ts';
import { RequestTable } from './RequestTable.tsx';

/** A case's outgoing requests, and the way into the drafting wizard for those who may draft from this case. */
export function CaseRequests({ caseId, canDraft }: { caseId: string; canDraft: boolean }) {
  const { t } = useI18n();
  const drafter = useRequestsAbility('request.create');
  const list = useRequestList({ side: 'requesting', caseId, limit: 200 });
  return (
    <Section id="requests" title={t('case.requests')}>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('case.requests.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? <RequestTable items={list.data.items} caption={t('case.requests')} /> : null}
      {canDraft && drafter ? (
        <p>
          <Link className="button button-primary" to={`/cases/${caseId}/requests/new`}>
            {t('case.requests.new')}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

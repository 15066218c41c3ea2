import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import { SESSION_KEY, useCurrentSession, useEndSession } from '../../app/session.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Field.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoleLabel } from '../admin/roles.ts';
import { TotpEnrolment } from '../auth/TotpEnrolment.tsx';

function TimeZoneSelect() {
  const { t, timeZone, setTimeZone } = useI18n();
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = useMemo(() => {
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC'];
    return list.includes('UTC') ? list : ['UTC', ...list];
  }, []);
  return (
    <div className="inline-field">
      <label htmlFor="tz-select">{t('account.timeZone')}</label>
      <select id="tz-select" value={timeZone ?? ''} onChange={(e) => setTimeZone(e.target.value || null)}>
        <option value="">{t('account.timeZone.device', { zone: device })}</option>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const endSession = useEndSession();
  const [d, setD] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({ mutationFn: () => call(api.POST('/api/v1/auth/password', { body: d })), onSuccess: () => endSession() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('account.password.title')}>
      <TextField label={t('account.password.current')} type="password" pointer="/currentPassword" error={change.error} value={d.currentPassword} onChange={(v) => setD({ ...d, currentPassword: v })} autoComplete="current-password" required />
      <TextField label={t('account.password.new')} type="password" pointer="/newPassword" error={change.error} value={d.newPassword} onChange={(v) => setD({ ...d, newPassword: v })} autoComplete="new-password" required />
      <ErrorAlert error={change.error} />
      <button type="submit" disabled={change.isPending}>
        {t('account.password.submit')}
      </button>
    </form>
  );
}

/** My account: profile, roles, language and time zone, password, second factor, logout everywhere. */
export function AccountPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const roleLabel = useRoleLabel();
  const qc = useQueryClient();
  const endSession = useEndSession();
  const logoutAll = useMutation({ mutationFn: () => call(api.POST('/api/v1/auth/logout-all')), onSettled: () => endSession({ deliberate: true }) });
  const u = session.user;
  return (
    <Page title={t('account.title')}>
      <Section id="profile" title={t('account.profile')}>
        <dl className="facts">
          <dt>{t('users.username')}</dt>
          <dd dir="ltr">{u.username}</dd>
          <dt>{t('users.displayName')}</dt>
          <dd>{u.displayName || t('common.none')}</dd>
          <dt>{t('users.email')}</dt>
          <dd dir="ltr">{u.email ?? t('common.none')}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{session.roles.map(roleLabel).join(', ') || t('common.none')}</dd>
          <dt>{t('account.sessionExpires')}</dt>
          <dd>
            <DateTime value={session.expiresAt} />
          </dd>
        </dl>
      </Section>
      <Section id="preferences" title={t('account.preferences')}>
        <LanguageSelect id="account-language" />
        <TimeZoneSelect />
      </Section>
      <Section id="totp" title={t('account.totp.title')}>
        {u.totpEnabled ? (
          <p>{t('account.totp.enabled')}</p>
        ) : (
          <>
            <p>
              {t('account.totp.disabled')} {session.totpRequired ? t('account.totp.required') : null}
            </p>
            <TotpEnrolment onDone={() => void qc.invalidateQueries({ queryKey: SESSION_KEY })} />
          </>
        )}
      </Section>
      <Section id="password" title={t('account.password.title')}>
        <ChangePassword />
      </Section>
      <Section id="sessions" title={t('account.sessions')}>
        <ErrorAlert error={logoutAll.error} />
        <button type="button" className="button-danger" onClick={() => logoutAll.mutate()} disabled={logoutAll.isPending}>
          {t('account.logoutAll')}
        </button>
      </Section>
    </Page>
  );
}

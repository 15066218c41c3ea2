import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * TOTP enrolment (RFC 6238): asks the node for a new secret, shows it (base32 and the otpauth URI an authenticator
 * app takes), and confirms it with a first code. Used on the forced enrolment screen and on "My account".
 */
export function TotpEnrolment({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const begin = useMutation({ mutationFn: () => call(api.POST('/api/v1/auth/totp/enroll')) });
  const confirm = useMutation({
    mutationFn: (c: string) => call(api.POST('/api/v1/auth/totp/confirm', { body: { code: c } })),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.trim());
  };
  if (confirm.isSuccess) return <Notice kind="success">{t('totp.enrol.done')}</Notice>;
  return (
    <div className="totp">
      <p>{t('totp.enrol.intro')}</p>
      {!begin.data ? (
        <>
          <ErrorAlert error={begin.error} />
          <button type="button" className="button-primary" onClick={() => begin.mutate()} disabled={begin.isPending}>
            {t('totp.enrol.start')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <dl className="facts">
            <dt>{t('totp.enrol.secret')}</dt>
            <dd>
              <code className="secret" dir="ltr" data-testid="totp-secret">
                {begin.data.secret}
              </code>
            </dd>
            <dt>{t('totp.enrol.uri')}</dt>
            <dd>
              <code className="wrap" dir="ltr">
                {begin.data.otpauthUri}
              </code>
            </dd>
          </dl>
          <TextField
            label={t('totp.enrol.code')}
            pointer="/code"
            error={confirm.error}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            dir="ltr"
          />
          <ErrorAlert error={confirm.error} />
          <button type="submit" className="button-primary" disabled={confirm.isPending}>
            {t('totp.enrol.confirm')}
          </button>
        </form>
      )}
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, call, type SessionInfo } from '../../api/client.ts';
import { SESSION_KEY, useSession } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(v: string | null): string {
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : '/';
}

/**
 * Two-step login: username and password; when the account has a one-time code generator the node answers
 * `totp_required` and the second step asks for the code (the password is sent again with it: the node keeps no
 * half-logged-in state). A session that must first enrol TOTP goes to the enrolment screen.
 */
export function LoginPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: existing } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const codeRef = useRef<HTMLDivElement>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (body: { username: string; password: string; totp?: string }) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (s: SessionInfo) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, s);
      void navigate(s.stage === 'enroll_totp' ? '/enrol-totp' : next, { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'totp_required') {
        setStep('totp');
        login.reset();
      }
    },
  });

  useEffect(() => {
    if (step === 'totp') codeRef.current?.querySelector('input')?.focus();
  }, [step]);

  if (existing && existing.stage === 'full' && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(step === 'totp' ? { username, password, totp: code.trim() } : { username, password });
  };

  return (
    <Page title={step === 'totp' ? t('login.totp.title') : t('login.title')}>
      <form className="card form" onSubmit={submit} noValidate>
        {step === 'password' ? (
          <>
            <p>{t('login.intro')}</p>
            <TextField label={t('login.username')} value={username} onChange={setUsername} autoComplete="username" required dir="ltr" />
            <TextField label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
          </>
        ) : (
          <div ref={codeRef}>
            <p>{t('login.totp.intro')}</p>
            <TextField
              label={t('login.totp.code')}
              pointer="/totp"
              error={login.error}
              value={code}
              onChange={setCode}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              dir="ltr"
            />
          </div>
        )}
        <ErrorAlert error={login.error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={login.isPending}>
            {step === 'totp' ? t('login.totp.submit') : t('login.submit')}
          </button>
          {step === 'totp' ? (
            <button
              type="button"
              onClick={() => {
                setStep('password');
                setCode('');
                setPassword('');
                login.reset();
              }}
            >
              {t('login.back')}
            </button>
          ) : null}
        </div>
      </form>
    </Page>
  );
}

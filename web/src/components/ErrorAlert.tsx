import { ApiError } from '../api/problem.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const KNOWN: Record<string, MessageKey> = {
  network: 'error.network',
  validation_failed: 'error.validation_failed',
  invalid_credentials: 'error.invalid_credentials',
  totp_invalid: 'error.totp_invalid',
  account_locked: 'error.account_locked',
  account_disabled: 'error.account_disabled',
  forbidden: 'error.forbidden',
  not_found: 'error.not_found',
  conflict: 'error.conflict',
  version_conflict: 'error.version_conflict',
  too_many_requests: 'error.too_many_requests',
  csrf_failed: 'error.csrf_failed',
  internal: 'error.internal',
};

/** The translated headline of an error: by its problem code when we know it. */
export function useErrorTitle(): (e: unknown) => string {
  const { t } = useI18n();
  return (e) => {
    const code = e instanceof ApiError ? e.code : 'generic';
    const key = KNOWN[code];
    return key ? t(key) : t('error.generic');
  };
}

/**
 * Shows a failed call: a translated headline, the node's own `detail` (never hidden: it says what to do), and every
 * field error by its JSON Pointer. Forms also show field errors next to the fields (`Field`). `role="alert"` makes
 * screen readers announce it.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const title = useErrorTitle();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const detail = api ? api.problem.detail : error instanceof Error ? error.message : String(error);
  const fields = api?.problem.errors ?? [];
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title(error)}</p>
      {detail ? (
        <p>
          <span className="muted">{t('error.details')}: </span>
          <span lang="en" dir="ltr">
            {detail}
          </span>
        </p>
      ) : null}
      {fields.length > 0 ? (
        <>
          <p>{t('error.fields')}</p>
          <ul>
            {fields.map((f) => (
              <li key={`${f.in}${f.pointer}${f.detail}`} lang="en" dir="ltr">
                <code>{f.pointer}</code> {f.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {api?.problem.requestId ? (
        <p className="muted small">
          {t('error.requestId')}: <code>{api.problem.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: React.ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

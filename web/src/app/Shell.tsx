import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthenticated } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Page.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { SCREEN_MODULES } from '../routes/index.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useRequestLabels } from '../features/requests/labels.ts';
import { useLiveUpdates, type LiveChange } from '../features/requests/live.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { endSession, endedDeliberately, useSession } from './session.ts';

/** Returns to the login screen (remembering where the user was) whenever the node answers 401. */
export function useUnauthenticatedRedirect(): void {
  const qc = useQueryClient();
  useEffect(() => onUnauthenticated(() => endSession(qc)), [qc]);
}

/**
 * Keeps the live-update stream open for a full session and announces each change politely to screen readers
 * ("Acknowledged — now Acknowledged"), while the screens refresh themselves.
 */
function LiveRegion({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  const [said, setSaid] = useState('');
  // The words follow the language; the callback stays the same (a new one would reopen the stream).
  const words = useRef((c: LiveChange) => c.state);
  words.current = (c) => t('live.changed', { event: labels.event(c.event), state: labels.state(c.state) });
  const onChange = useCallback((c: LiveChange) => setSaid(words.current(c)), []);
  const status = useLiveUpdates(enabled, onChange);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-live={status}>
      {said}
    </div>
  );
}

/**
 * The logged-in layout: skip link, banner (node, notifications, account menu), main navigation built from the
 * screen modules and filtered by the session's abilities, the main region, and a footer; live updates while a
 * session is open. Without a session it sends the user to the login screen; a session that must first enrol TOTP
 * goes to the enrolment screen.
 */
export function Shell() {
  const { t } = useI18n();
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  useUnauthenticatedRedirect();

  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' || endedDeliberately() ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.stage === 'enroll_totp') return <Navigate to="/enrol-totp" replace />;

  const nav = SCREEN_MODULES.flatMap((m) => m.nav).filter((n) => (!n.ability || session.abilities.includes(n.ability)) && (!n.when || n.when(session)));
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-node">{t('app.node', { name: session.node.name, state: session.node.state })}</span>
        </div>
        <div className="banner-tools">
          <NotificationBell />
          <AccountMenu />
        </div>
      </header>
      <LiveRegion enabled={session.stage === 'full'} />
      <div className="layout">
        <nav className="sidebar" aria-label={t('app.mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end}>
                  {t(n.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <p className="small muted">{t('app.footer')}</p>
      </footer>
    </div>
  );
}

/** A screen that needs a node-wide ability: tells the user instead of showing what the server would refuse. */
export function RequireAbility({ ability, children }: { ability: string; children: React.ReactNode }) {
  const { t } = useI18n();
  const { data } = useSession();
  if (!data?.abilities.includes(ability))
    return (
      <div className="page">
        <h1>{t('error.forbidden')}</h1>
      </div>
    );
  return <>{children}</>;
}

import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useUnreadNotifications } from './api.ts';
import { NotificationItem } from './NotificationItem.tsx';

const SHOWN = 8;

/**
 * The bell in the banner: how many notifications are unread (in the button's name, so screen readers hear it), and
 * a disclosure panel with the latest ones. Escape or a click outside closes it and returns the focus. Refreshed by
 * the live updates.
 */
export function NotificationBell() {
  const { t, number } = useI18n();
  const q = useUnreadNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = q.data?.items ?? [];
  const count = items.length;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="account-menu notification-bell" ref={root}>
      <button ref={button} type="button" className="button-quiet" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} data-testid="notification-bell">
        <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {t('notifications.title')}
        <span className="visually-hidden">: {t('notifications.unread', { count: number(count) })}</span>
        {count > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {number(count)}
          </span>
        ) : null}
      </button>
      <div id={panelId} className="menu-panel notifications-panel" hidden={!open}>
        <h2 className="small-heading">{t('notifications.title')}</h2>
        {count === 0 ? <p className="muted">{t('notifications.none')}</p> : null}
        <ul className="plain notification-list">
          {items.slice(0, SHOWN).map((n) => (
            <NotificationItem key={n.id} n={n} onNavigate={() => setOpen(false)} />
          ))}
        </ul>
        <p>
          <Link to="/notifications" onClick={() => setOpen(false)}>
            {t('notifications.all')}
          </Link>
        </p>
      </div>
    </div>
  );
}

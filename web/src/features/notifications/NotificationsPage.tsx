import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationItem } from './NotificationItem.tsx';

/** Every notification of mine (the latest 200), unread first if asked; each can be marked read. */
export function NotificationsPage() {
  const { t } = useI18n();
  const q = useNotifications();
  const mark = useMarkRead();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const items = (q.data?.items ?? []).filter((n) => !unreadOnly || !n.readAt);
  const unread = (q.data?.items ?? []).filter((n) => !n.readAt);
  return (
    <Page
      title={t('notifications.title')}
      actions={
        unread.length > 0 ? (
          <button
            type="button"
            disabled={mark.isPending}
            onClick={() => {
              for (const n of unread) mark.mutate(n.id);
            }}
          >
            {t('notifications.markAll')}
          </button>
        ) : null
      }
    >
      <label className="check">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        <span>{t('notifications.unreadOnly')}</span>
      </label>
      <ErrorAlert error={q.error ?? mark.error} />
      {q.isPending ? <Loading /> : null}
      {q.data && items.length === 0 ? <p role="status">{t('notifications.none')}</p> : null}
      <ul className="plain notification-list card">
        {items.map((n) => (
          <NotificationItem key={n.id} n={n} />
        ))}
      </ul>
    </Page>
  );
}

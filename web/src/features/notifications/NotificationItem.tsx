import { Link } from 'react-router';
import type { Notification } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { NOTIFICATION_KINDS, isOneOf } from '../requests/vocabulary.ts';
import { useMarkRead } from './api.ts';

/** The translated kind of a notification; the node's own text (English) follows it. */
export function useNotificationKind(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => (isOneOf(NOTIFICATION_KINDS, kind) ? t(`notification.kind.${kind}` satisfies MessageKey) : kind);
}

/** One notification: what happened (translated kind, the node's text), when, a link to the request, "mark read". */
export function NotificationItem({ n, onNavigate }: { n: Notification; onNavigate?: () => void }) {
  const { t } = useI18n();
  const kind = useNotificationKind();
  const mark = useMarkRead();
  return (
    <li className={`notification${n.readAt ? ' read' : ''}`}>
      <p className="notification-kind">
        <strong>{kind(n.kind)}</strong> <span className="muted small">
          <DateTime value={n.createdAt} />
        </span>
      </p>
      <p lang="en" dir="ltr" className="small">
        {n.title}
      </p>
      {n.body ? (
        <p lang="en" dir="ltr" className="small muted">
          {n.body}
        </p>
      ) : null}
      {n.dueAt ? (
        <p className="small">
          {t('notification.due')}: <DateTime value={n.dueAt} />
        </p>
      ) : null}
      <div className="actions">
        {n.requestId ? (
          <Link
            to={`/requests/${n.requestId}`}
            onClick={() => {
              if (!n.readAt) mark.mutate(n.id);
              onNavigate?.();
            }}
          >
            {t('notification.open')}
          </Link>
        ) : null}
        {!n.readAt ? (
          <button type="button" className="button-quiet link-button" onClick={() => mark.mutate(n.id)} disabled={mark.isPending}>
            {t('notification.markRead')}
            <span className="visually-hidden">: {n.title}</span>
          </button>
        ) : (
          <span className="muted small">{t('notification.read')}</span>
        )}
      </div>
    </li>
  );
}

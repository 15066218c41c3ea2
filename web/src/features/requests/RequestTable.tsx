import { Link } from 'react-router';
import type { RequestListItem } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useStateNames } from '../directory/api.ts';
import type { ClockAlert } from '../notifications/api.ts';
import { useRequestTypes } from './api.ts';
import { useRequestLabels } from './labels.ts';
import { StateBadge } from './StateBadge.tsx';
import { stateLabel } from './useLanguageName.ts';
import { isTerminal } from './vocabulary.ts';

/**
 * A table of requests (outbox, inbox, queues, a case's requests): reference (a link), the other State's reference,
 * type, the other State, state and outcome, a marker when a legal clock is due soon or overdue, and the last change.
 */
export function RequestTable({ items, caption, alerts }: { items: readonly RequestListItem[]; caption: string; alerts?: ReadonlyMap<string, { alert: ClockAlert; dueAt: string | null }> }) {
  const { t, lang } = useI18n();
  const labels = useRequestLabels();
  const types = useRequestTypes();
  const names = useStateNames();
  const typeTitle = (id: string) => {
    const ty = types.data?.items.find((x) => x.id === id);
    return ty ? ty.title[lang] || ty.title.en : id;
  };
  return (
    <div className="table-wrap">
      <table className="request-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('request.reference')}</th>
            <th scope="col">{t('request.type')}</th>
            <th scope="col">{t('request.otherState')}</th>
            <th scope="col">{t('request.state')}</th>
            <th scope="col">{t('request.deadline')}</th>
            <th scope="col">{t('request.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const alert = isTerminal(r.side, r.state) ? undefined : alerts?.get(r.id);
            return (
              <tr key={r.id} className={alert ? `row-${alert.alert}` : undefined}>
                <td>
                  <Link to={r.state === 'draft' && r.view === 'full' ? `/requests/${r.id}/draft` : `/requests/${r.id}`} dir="ltr">
                    {r.reference}
                  </Link>
                  {r.theirReference ? (
                    <span className="muted small" dir="ltr">
                      {' '}
                      / {r.theirReference}
                    </span>
                  ) : null}
                </td>
                <td>{typeTitle(r.typeId)}</td>
                <td>{stateLabel(r.side === 'requesting' ? r.requestedState : r.requestingState, names)}</td>
                <td>
                  <StateBadge state={r.state} />
                  {r.outcome ? <span className="muted small"> {labels.outcome(r.outcome)}</span> : null}
                </td>
                <td>
                  {alert ? (
                    <span className={`badge tone-${alert.alert === 'overdue' ? 'bad' : 'warn'}`}>
                      {alert.alert === 'overdue' ? t('clock.status.overdue') : t('clock.status.due_soon')}
                    </span>
                  ) : null}
                  {alert?.dueAt ? (
                    <span className="small">
                      {' '}
                      <DateTime value={alert.dueAt} />
                    </span>
                  ) : null}
                </td>
                <td>
                  <DateTime value={r.updatedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

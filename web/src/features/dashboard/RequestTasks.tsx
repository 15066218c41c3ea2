import { Link } from 'react-router';
import type { RequestListQuery } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCurrentSession } from '../../app/session.ts';
import { useNotifications } from '../notifications/api.ts';
import { clockAlerts } from '../notifications/clock-alerts.ts';
import { hasRequestsAbility, type RequestsAbility } from '../requests/abilities.ts';
import { useRequestCount } from '../requests/api.ts';

interface Task {
  key: string;
  label: MessageKey;
  ability: RequestsAbility;
  query: RequestListQuery;
  /** Where the list of these requests is. */
  to: string;
}

/** The kinds of work requests put on a user, by the ability that makes it theirs. */
const TASKS: readonly Task[] = [
  { key: 'drafts', label: 'dashboard.task.drafts', ability: 'request.create', query: { side: 'requesting', state: 'draft' }, to: '/requests/outgoing?state=draft' },
  { key: 'review', label: 'dashboard.task.review', ability: 'request.review', query: { side: 'requesting', state: 'in_review' }, to: '/requests/authorize' },
  { key: 'transmit', label: 'dashboard.task.transmit', ability: 'request.review', query: { side: 'requesting', state: 'authorized' }, to: '/requests/outgoing?state=authorized' },
  { key: 'info', label: 'dashboard.task.info', ability: 'request.create', query: { side: 'requesting', state: 'info_requested' }, to: '/requests/outgoing?state=info_requested' },
  { key: 'conditions', label: 'dashboard.task.conditions', ability: 'request.create', query: { side: 'requesting', state: 'accepted_with_conditions' }, to: '/requests/outgoing?state=accepted_with_conditions' },
  { key: 'register', label: 'dashboard.task.register', ability: 'request.incoming', query: { side: 'requested', state: 'received' }, to: '/requests/incoming?state=received' },
  { key: 'assess', label: 'dashboard.task.assess', ability: 'request.incoming', query: { side: 'requested', state: 'registered' }, to: '/requests/incoming?state=registered' },
  { key: 'decide', label: 'dashboard.task.decide', ability: 'request.incoming', query: { side: 'requested', state: 'assessing' }, to: '/requests/incoming?state=assessing' },
  { key: 'execute', label: 'dashboard.task.execute', ability: 'request.incoming', query: { side: 'requested', state: 'executing' }, to: '/requests/incoming?state=executing' },
];

function TaskLine({ task }: { task: Task }) {
  const { t, number } = useI18n();
  const q = useRequestCount(task.query);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data || q.data.n === 0) return null;
  const n = q.data.more ? t('dashboard.countMore', { count: number(q.data.n) }) : number(q.data.n);
  return (
    <li>
      <Link to={task.to}>
        <span className="task-count">{n}</span> {t(task.label)}
      </Link>
    </li>
  );
}

/**
 * My tasks: the requests waiting for me, by kind (drafts to finish, requests to authorize or transmit, questions to
 * answer, incoming requests to register, assess, decide or execute), each a count linking to the list.
 */
export function RequestTasks() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const mine = TASKS.filter((x) => hasRequestsAbility(session, x.ability));
  return (
    <Section id="tasks" title={t('dashboard.tasks')}>
      {mine.length === 0 ? <p className="muted">{t('dashboard.tasks.none')}</p> : null}
      <ul className="plain task-list" data-testid="tasks">
        {mine.map((x) => (
          <TaskLine key={x.key} task={x} />
        ))}
      </ul>
      {mine.length > 0 ? <p className="muted small">{t('dashboard.tasks.hint')}</p> : null}
    </Section>
  );
}

/** Deadlines: the legal clocks I was reminded of (due soon or overdue), overdue first, then by due time. */
export function RequestDeadlines() {
  const { t } = useI18n();
  const q = useNotifications();
  const alerts = [...clockAlerts(q.data?.items ?? [])].sort(([, a], [, b]) => (a.alert === b.alert ? (a.dueAt ?? '').localeCompare(b.dueAt ?? '') : a.alert === 'overdue' ? -1 : 1));
  const byRequest = new Map((q.data?.items ?? []).map((n) => [n.requestId, n]));
  return (
    <Section id="deadlines" title={t('dashboard.deadlines')}>
      <ErrorAlert error={q.error} />
      {q.data && alerts.length === 0 ? <p className="muted">{t('dashboard.deadlines.none')}</p> : null}
      <ul className="plain task-list">
        {alerts.slice(0, 10).map(([id, a]) => (
          <li key={id}>
            <span className={`badge tone-${a.alert === 'overdue' ? 'bad' : 'warn'}`}>{a.alert === 'overdue' ? t('clock.status.overdue') : t('clock.status.due_soon')}</span>{' '}
            <Link to={`/requests/${id}`}>
              <span lang="en" dir="ltr">
                {byRequest.get(id)?.title ?? id}
              </span>
            </Link>
            {a.dueAt ? (
              <span className="small muted">
                {' '}
                <DateTime value={a.dueAt} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

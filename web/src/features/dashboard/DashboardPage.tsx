import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useAbility, useCurrentSession } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CaseTable } from '../cases/CaseTable.tsx';
import { RequestDeadlines, RequestTasks } from './RequestTasks.tsx';

const COUNT_LIMIT = 200;

/** Counts cases of one status up to COUNT_LIMIT (the API has no count endpoint yet: "200+" beyond). */
function useCount(status: 'open' | 'closed') {
  return useQuery({
    queryKey: ['cases', 'count', status],
    queryFn: async () => {
      const r = await call(api.GET('/api/v1/cases', { params: { query: { status, limit: COUNT_LIMIT } } }));
      return { n: r.items.length, more: r.next !== null };
    },
  });
}

/**
 * The officer's start page: counts of cases, my tasks (requests waiting for me), deadlines and overdue legal
 * clocks, and my open cases.
 */
export function DashboardPage() {
  const { t, number } = useI18n();
  const session = useCurrentSession();
  const canCreate = useAbility('case.create');
  const mine = useQuery({
    queryKey: ['cases', 'dashboard'],
    queryFn: () => call(api.GET('/api/v1/cases', { params: { query: { status: 'open', limit: 10 } } })),
  });
  const open = useCount('open');
  const closed = useCount('closed');
  const fmt = (c: { n: number; more: boolean } | undefined) => (c ? (c.more ? t('dashboard.countMore', { count: number(c.n) }) : number(c.n)) : '…');
  const myCases = (mine.data?.items ?? []).filter((c) => c.myRole !== null);

  return (
    <Page
      title={t('dashboard.title')}
      actions={
        canCreate ? (
          <Link className="button button-primary" to="/cases/new">
            {t('dashboard.newCase')}
          </Link>
        ) : null
      }
    >
      <p>{t('dashboard.welcome', { name: session.user.displayName || session.user.username })}</p>
      <div className="grid">
        <Section id="counts" title={t('dashboard.counts')}>
          <dl className="stats">
            <div>
              <dt>{t('dashboard.count.open')}</dt>
              <dd>{fmt(open.data)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.count.closed')}</dt>
              <dd>{fmt(closed.data)}</dd>
            </div>
          </dl>
          <ErrorAlert error={open.error ?? closed.error} />
        </Section>
        <RequestTasks />
        <RequestDeadlines />
      </div>
      <Section id="my-cases" title={t('dashboard.myCases')}>
        {mine.isPending ? <Loading /> : null}
        <ErrorAlert error={mine.error} />
        {mine.data && myCases.length === 0 ? <p>{t('dashboard.noCases')}</p> : null}
        {myCases.length > 0 ? <CaseTable items={myCases} caption={t('dashboard.myCases')} /> : null}
        <p>
          <Link to="/cases">{t('dashboard.allCases')}</Link>
        </p>
      </Section>
    </Page>
  );
}

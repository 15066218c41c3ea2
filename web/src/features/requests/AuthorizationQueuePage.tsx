import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useClockAlerts } from '../notifications/api.ts';
import { useRequestList } from './api.ts';
import { RequestTable } from './RequestTable.tsx';

/**
 * Outgoing requests waiting for authorization (`in_review`) that this user may see, oldest last. Whether this user
 * may authorize a given one (four eyes: not the drafter; intrusive measures: an authorizer) is decided on the
 * request itself, which offers the action only then. Then authorized requests waiting to be transmitted.
 */
export function AuthorizationQueuePage() {
  const { t } = useI18n();
  const alerts = useClockAlerts();
  const review = useRequestList({ side: 'requesting', state: 'in_review', limit: 200 });
  const transmit = useRequestList({ side: 'requesting', state: 'authorized', limit: 200 });
  return (
    <Page title={t('queue.title')}>
      <p className="muted">{t('queue.intro')}</p>
      <section className="card" aria-labelledby="queue-review-h">
        <h2 id="queue-review-h">{t('queue.review')}</h2>
        <ErrorAlert error={review.error} />
        {review.isPending ? <Loading /> : null}
        {review.data && review.data.items.length === 0 ? <p role="status">{t('queue.empty')}</p> : null}
        {review.data && review.data.items.length > 0 ? <RequestTable items={review.data.items} caption={t('queue.review')} alerts={alerts} /> : null}
        {review.data?.next ? <Notice>{t('queue.more')}</Notice> : null}
      </section>
      <section className="card" aria-labelledby="queue-transmit-h">
        <h2 id="queue-transmit-h">{t('queue.transmit')}</h2>
        <ErrorAlert error={transmit.error} />
        {transmit.isPending ? <Loading /> : null}
        {transmit.data && transmit.data.items.length === 0 ? <p>{t('queue.transmit.empty')}</p> : null}
        {transmit.data && transmit.data.items.length > 0 ? <RequestTable items={transmit.data.items} caption={t('queue.transmit')} alerts={alerts} /> : null}
      </section>
    </Page>
  );
}

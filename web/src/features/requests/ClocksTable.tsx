import { useEffect, useState } from 'react';
import type { RequestDetail } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration, formatRelative } from './duration.ts';
import { useRequestLabels } from './labels.ts';
import { ClockBadge } from './StateBadge.tsx';

/** The current time, ticking every 30 s (relative due times stay true while the screen is open). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * The legal clocks of a request: what each measures, whose duty it is (this State's or the other's), how long it
 * runs, when it started and is due — in the user's time zone, with "in 3 hours"/"2 days ago" — and its status as a
 * word and a colour.
 */
export function ClocksTable({ r }: { r: RequestDetail }) {
  const { t, locale, effectiveTimeZone } = useI18n();
  const labels = useRequestLabels();
  const now = useNow();
  return (
    <Section id="clocks" title={t('clocks.title')}>
      {r.clocks.length === 0 ? <p className="muted">{t('clocks.none')}</p> : null}
      {r.clocks.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="small muted">{t('clocks.caption', { zone: effectiveTimeZone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clocks.kind')}</th>
                <th scope="col">{t('clocks.owner')}</th>
                <th scope="col">{t('clocks.duration')}</th>
                <th scope="col">{t('clocks.started')}</th>
                <th scope="col">{t('clocks.due')}</th>
                <th scope="col">{t('clocks.stopped')}</th>
                <th scope="col">{t('clocks.status')}</th>
              </tr>
            </thead>
            <tbody>
              {r.clocks.map((c) => (
                <tr key={c.kind} className={`clock-${c.status}`}>
                  <th scope="row">{labels.clockKind(c.kind)}</th>
                  <td>
                    {c.owner === r.side ? t('clocks.owner.us') : t('clocks.owner.them')}{' '}
                    <span className="muted small">({c.owner === 'requested' ? t('request.requestedState') : t('request.requestingState')})</span>
                  </td>
                  <td>{formatDuration(c.duration, locale)}</td>
                  <td>
                    <DateTime value={c.startedAt} />
                  </td>
                  <td>
                    <DateTime value={c.dueAt} />
                    {c.dueAt && !c.stoppedAt ? <span className="muted small"> ({formatRelative(new Date(c.dueAt), now, locale)})</span> : null}
                  </td>
                  <td>
                    <DateTime value={c.stoppedAt} />
                  </td>
                  <td>
                    <ClockBadge status={c.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

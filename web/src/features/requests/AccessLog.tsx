import { useState } from 'react';
import type { RequestDetail } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAccessLog } from './api.ts';

/** Who read this request and its results (DOMAIN §5), loaded on demand for oversight and the central authority. */
export function AccessLogSection({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const log = useAccessLog(r.id, shown);
  if (!r.abilities.includes('request.read_access_log')) return null;
  return (
    <Section id="access-log" title={t('accessLog.title')}>
      <p className="muted small">{t('accessLog.intro')}</p>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)}>
          {t('accessLog.show')}
        </button>
      ) : null}
      {shown && log.isPending ? <Loading /> : null}
      <ErrorAlert error={log.error} />
      {log.data ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('accessLog.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.at')}</th>
                <th scope="col">{t('accessLog.user')}</th>
                <th scope="col">{t('accessLog.action')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((a, i) => (
                <tr key={`${a.at}${a.userId}${i}`}>
                  <td>
                    <DateTime value={a.at} />
                  </td>
                  <td dir="ltr">{a.username}</td>
                  <td dir="ltr">{a.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

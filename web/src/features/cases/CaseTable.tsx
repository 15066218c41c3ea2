import { Link } from 'react-router';
import type { CaseListItem } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCaseLabels } from './api.ts';

/** A table of cases (list and dashboard). The reference links to the case. */
export function CaseTable({ items, caption }: { items: readonly CaseListItem[]; caption: string }) {
  const { t, number } = useI18n();
  const labels = useCaseLabels();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.col.reference')}</th>
            <th scope="col">{t('cases.col.title')}</th>
            <th scope="col">{t('cases.col.status')}</th>
            <th scope="col">{t('cases.col.offences')}</th>
            <th scope="col">{t('cases.col.myRole')}</th>
            <th scope="col">{t('cases.col.members')}</th>
            <th scope="col">{t('cases.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/cases/${c.id}`} dir="ltr">
                  {c.reference}
                </Link>
              </td>
              <td>{c.title ?? <span className="muted">{t('cases.metadataOnly')}</span>}</td>
              <td>
                <span className={`badge badge-${c.status}`}>{labels.status(c.status)}</span>
              </td>
              <td>{c.offences.map(labels.offence).join(', ')}</td>
              <td>{c.myRole ? labels.caseRole(c.myRole) : <span className="muted">{t('common.none')}</span>}</td>
              <td>{number(c.memberCount)}</td>
              <td>
                <DateTime value={c.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

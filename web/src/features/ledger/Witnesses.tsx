import { useQuery } from '@tanstack/react-query';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDirectory } from '../directory/api.ts';
import { witnessesOf } from './cosignatures.ts';

/**
 * The witnesses that cosigned the latest checkpoint: which node (and State) each is, when it cosigned, and whether
 * its cosignature verifies in this browser with the ledger key the federation directory publishes for it. A
 * witness cosigns only a checkpoint consistent with every one it saw before, so a node that rewrote its history
 * could not show these.
 */
export function Witnesses({ note }: { note: string }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const nodes = directory.data?.nodes ?? [];
  const check = useQuery({
    queryKey: ['ledger', 'witnesses', note, nodes.map((n) => n.ledger.vkey).join(',')],
    enabled: !directory.isPending,
    queryFn: () => witnessesOf(note, nodes),
  });
  return (
    <div className="witnesses">
      <h3 id="witnesses-h">{t('ledger.witnesses')}</h3>
      <p className="muted small">{t('ledger.witnesses.intro')}</p>
      {check.isPending ? <Loading /> : null}
      <ErrorAlert error={check.error} />
      {check.data && check.data.length === 0 ? <p data-testid="witnesses-none">{t('ledger.witnesses.none')}</p> : null}
      {check.data && check.data.length > 0 ? (
        <div className="table-wrap">
          <table aria-labelledby="witnesses-h">
            <thead>
              <tr>
                <th scope="col">{t('ledger.witness')}</th>
                <th scope="col">{t('directory.state')}</th>
                <th scope="col">{t('ledger.witness.at')}</th>
                <th scope="col">{t('ledger.witness.status')}</th>
              </tr>
            </thead>
            <tbody>
              {check.data.map((w) => (
                <tr key={`${w.name}:${w.keyId}`} data-testid="witness-row">
                  <th scope="row">
                    {w.node ? <span dir="auto">{w.node.name}</span> : null}
                    <br />
                    <code className="small" dir="ltr">
                      {w.name}
                    </code>
                  </th>
                  <td dir="ltr">{w.node?.state ?? t('common.none')}</td>
                  <td>
                    <DateTime value={w.at.toISOString()} />
                  </td>
                  <td>
                    <span className={`badge tone-${w.status === 'verified' ? 'ok' : 'bad'}`}>{t(`ledger.witness.${w.status}` satisfies MessageKey)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

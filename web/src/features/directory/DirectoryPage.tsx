import type { Directory, DirectoryNode, DirectoryState } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useLanguageName } from '../requests/useLanguageName.ts';
import { useDirectory } from './api.ts';

const NODE_ROLES = ['central_authority', 'contact_point_24_7', 'prosecution', 'police', 'judicial', 'other'] as const;

function useNodeRole(): (r: string) => string {
  const { t } = useI18n();
  return (r) => ((NODE_ROLES as readonly string[]).includes(r) ? t(`directory.nodeRole.${r as (typeof NODE_ROLES)[number]}` satisfies MessageKey) : r);
}

function NodeRef({ id, nodes, self }: { id: string | null; nodes: readonly DirectoryNode[]; self: string }) {
  const { t } = useI18n();
  if (!id) return <span className="muted">{t('directory.notDesignated')}</span>;
  const n = nodes.find((x) => x.nodeId === id);
  return (
    <>
      {n ? <span dir="auto">{n.name}</span> : null} <code dir="ltr">{id}</code>
      {id === self ? <span className="badge tone-ok"> {t('directory.thisNode')}</span> : null}
    </>
  );
}

function Statements({ title, items }: { title: string; items: DirectoryState['declarations'] }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">{t('tailoring.none')}</p> : null}
      <ul>
        {items.map((d, i) => (
          <li key={i}>
            {d.article ? <strong dir="ltr">{d.article}: </strong> : null}
            <span dir="auto">{d.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function StateCard({ code, s, d }: { code: string; s: DirectoryState; d: Directory }) {
  const { t } = useI18n();
  const languageName = useLanguageName();
  const flags = Object.entries(s.flags);
  return (
    <Section id={`state-${code}`} title={`${s.name} (${code})`}>
      <dl className="facts">
        <dt>{t('directory.centralAuthority')}</dt>
        <dd>
          <NodeRef id={s.centralAuthority} nodes={d.nodes} self={d.self} />
        </dd>
        <dt>{t('directory.contactPoint')}</dt>
        <dd>
          <NodeRef id={s.contactPoint247} nodes={d.nodes} self={d.self} />
        </dd>
        <dt>{t('directory.languages')}</dt>
        <dd>{s.languages.length > 0 ? s.languages.map(languageName).join(', ') : t('common.none')}</dd>
        <dt>{t('directory.channels')}</dt>
        <dd dir="ltr">{s.channels.join(', ') || t('common.none')}</dd>
      </dl>
      <Statements title={t('tailoring.declarations')} items={s.declarations} />
      <Statements title={t('tailoring.reservations')} items={s.reservations} />
      {flags.length > 0 ? (
        <>
          <h3>{t('directory.flags')}</h3>
          <dl className="facts small">
            {flags.map(([k, v]) => (
              <div className="facts-row" key={k}>
                <dt dir="ltr">
                  <code>{k}</code>
                </dt>
                <dd>{v ? t('common.yes') : t('common.no')}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </Section>
  );
}

/**
 * The federation directory this node accepted: every State with its central authority and 24/7 point of contact,
 * the languages it accepts requests in, its declarations and reservations; then the member nodes with their
 * endpoints and ledgers. Signed by the directory authority; the node checked it before accepting it.
 */
export function DirectoryPage() {
  const { t } = useI18n();
  const role = useNodeRole();
  const languageName = useLanguageName();
  const q = useDirectory();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  if (!d)
    return (
      <Page title={t('directory.title')}>
        <Notice kind="warning">{t('newRequest.noDirectory')}</Notice>
      </Page>
    );
  const states = Object.entries(d.states).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Page title={t('directory.title')}>
      <p className="muted">{t('directory.intro')}</p>
      <Section id="directory-meta" title={t('directory.document')}>
        <dl className="facts">
          <dt>{t('directory.version')}</dt>
          <dd>{d.version}</dd>
          <dt>{t('directory.issued')}</dt>
          <dd>
            <DateTime value={d.issuedAt} />
          </dd>
          <dt>{t('directory.accepted')}</dt>
          <dd>
            <DateTime value={d.acceptedAt} />
          </dd>
          <dt>{t('directory.authority')}</dt>
          <dd dir="ltr">
            {d.authority.name} <code className="small">{d.authority.kid}</code>
          </dd>
          <dt>{t('directory.digest')}</dt>
          <dd dir="ltr">
            <code className="wrap">{d.digest}</code>
          </dd>
        </dl>
      </Section>
      <Section id="states" title={t('directory.states')}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('directory.states')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.state')}</th>
                <th scope="col">{t('directory.centralAuthority')}</th>
                <th scope="col">{t('directory.contactPoint')}</th>
                <th scope="col">{t('directory.languages')}</th>
                <th scope="col">{t('directory.statements')}</th>
              </tr>
            </thead>
            <tbody>
              {states.map(([code, s]) => (
                <tr key={code}>
                  <th scope="row">
                    <a href={`#state-${code}-h`}>
                      {s.name} <span dir="ltr">({code})</span>
                    </a>
                  </th>
                  <td>{s.centralAuthority ? <code dir="ltr">{s.centralAuthority}</code> : <span className="muted">{t('directory.notDesignated')}</span>}</td>
                  <td>{s.contactPoint247 ? <code dir="ltr">{s.contactPoint247}</code> : <span className="muted">{t('directory.notDesignated')}</span>}</td>
                  <td>{s.languages.map(languageName).join(', ')}</td>
                  <td>{t('directory.statementCount', { declarations: s.declarations.length, reservations: s.reservations.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {states.map(([code, s]) => (
        <StateCard key={code} code={code} s={s} d={d} />
      ))}
      <Section id="nodes" title={t('directory.nodes')}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('directory.nodes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.node')}</th>
                <th scope="col">{t('directory.state')}</th>
                <th scope="col">{t('directory.roles')}</th>
                <th scope="col">{t('directory.endpoint')}</th>
                <th scope="col">{t('ledger.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {d.nodes.map((n) => (
                <tr key={n.nodeId}>
                  <th scope="row">
                    <span dir="auto">{n.name}</span>
                    <br />
                    <code className="small" dir="ltr">
                      {n.nodeId}
                    </code>
                    {n.nodeId === d.self ? <span className="badge tone-ok"> {t('directory.thisNode')}</span> : null}
                  </th>
                  <td dir="ltr">{n.state}</td>
                  <td>{n.roles.map(role).join(', ')}</td>
                  <td dir="ltr">
                    <code className="wrap">{n.endpoint}</code>
                  </td>
                  <td dir="ltr">
                    <code className="wrap">{n.ledger.origin}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </Page>
  );
}

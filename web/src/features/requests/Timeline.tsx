import { Link } from 'react-router';
import type { RequestDetail } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRequestLabels } from './labels.ts';

type HistoryEntry = RequestDetail['history'][number];

/** Details worth reading in a timeline entry, with their labels; everything else is listed by its key. */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  reason: 'timeline.reason',
  reasons: 'timeline.reasons',
  questions: 'timeline.questions',
  answer: 'timeline.answer',
  outcome: 'timeline.outcome',
  grounds: 'timeline.grounds',
  conditions: 'timeline.conditions',
  kept: 'timeline.kept',
  final: 'timeline.final',
  preservedUntil: 'results.preservedUntil',
  theirReference: 'request.theirReference',
  receivedAt: 'timeline.receivedAt',
  language: 'request.language',
  requestedState: 'request.requestedState',
  confidentialityRequested: 'timeline.confidentialityRequested',
  to: 'timeline.to',
  reference: 'timeline.reference',
  fields: 'timeline.fields',
  role: 'timeline.role',
  complete: 'timeline.complete',
  dualCriminality: 'dual.title',
  thirdState: 'transfer.thirdState',
  recipient: 'transfer.recipient',
  purpose: 'transfer.purpose',
  authorized: 'transfer.authorize',
  authorization: 'authorization.title',
};
/** Internal details (digests, ids) that mean nothing to a reader; they stay in the ledger. */
const HIDDEN = new Set(['content', 'digest', 'resultId', 'transferId', 'type', 'linked', 'check', 'messageId', 'message', 'decision']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DUAL = ['not_applicable', 'satisfied', 'partial', 'not_satisfied'] as const;

function DetailValue({ k, v, fieldLabel }: { k: string; v: unknown; fieldLabel(id: string): string }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  if (typeof v === 'boolean') return <>{v ? t('common.yes') : t('common.no')}</>;
  if (k === 'fields' && Array.isArray(v)) return <>{v.map((f) => fieldLabel(String(f))).join(', ')}</>;
  if (k === 'dualCriminality' && typeof v === 'string' && (DUAL as readonly string[]).includes(v)) return <>{t(`dual.outcome.${v as (typeof DUAL)[number]}` satisfies MessageKey)}</>;
  if (typeof v === 'string' && INSTANT.test(v)) return <DateTime value={v} />;
  if (k === 'authorization' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const a = v as Record<string, unknown>;
    const d = typeof a.decision === 'object' && a.decision !== null ? Object.values(a.decision as Record<string, unknown>).map(String).join(', ') : '';
    return (
      <>
        {typeof a.role === 'string' ? <span dir="ltr">{a.role}</span> : null}
        {typeof a.at === 'string' ? (
          <>
            {' · '}
            <DateTime value={a.at} />
          </>
        ) : null}
        {d ? <span dir="auto"> · {d}</span> : null}
      </>
    );
  }
  if (k === 'outcome' && typeof v === 'string') return <>{labels.outcome(v)}</>;
  if (k === 'grounds' && Array.isArray(v)) return <>{v.map((g) => labels.ground(String(g))).join(', ')}</>;
  if (Array.isArray(v))
    return (
      <ul className="plain">
        {v.map((x, i) => (
          <li key={i} className="prewrap" dir="auto">
            {typeof x === 'string' ? x : JSON.stringify(x)}
          </li>
        ))}
      </ul>
    );
  if (typeof v === 'string')
    return (
      <span className="prewrap" dir="auto">
        {v}
      </span>
    );
  return <code>{JSON.stringify(v)}</code>;
}

function Details({ e, fieldLabel }: { e: HistoryEntry; fieldLabel(id: string): string }) {
  const { t } = useI18n();
  const entries = Object.entries(e.details).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  const decision = e.details.decision;
  if (entries.length === 0 && !decision) return null;
  return (
    <dl className="facts small">
      {entries.map(([k, v]) => (
        <div key={k} className="facts-row">
          <dt>{KNOWN[k] ? t(KNOWN[k]) : <span dir="ltr">{k}</span>}</dt>
          <dd>
            <DetailValue k={k} v={v} fieldLabel={fieldLabel} />
          </dd>
        </div>
      ))}
      {decision && typeof decision === 'object' ? (
        <div className="facts-row">
          <dt>{t('command.input.decision')}</dt>
          <dd dir="auto">{Object.values(decision as Record<string, unknown>).map(String).join(', ')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The request's history, oldest first: each step with its time (user's zone), who did it (here, or the other
 * State through a signed message), the state it led to, what was said, and its ledger entry — a link to the
 * ledger page, where its receipt can be fetched and verified in the browser.
 */
export function Timeline({ r, fieldLabel }: { r: RequestDetail; fieldLabel(id: string): string }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  return (
    <Section id="timeline" title={t('timeline.title')}>
      {r.history.length === 0 ? <p className="muted">{t('timeline.none')}</p> : null}
      <ol className="timeline">
        {r.history.map((e) => (
          <li key={e.seq} className={`timeline-item origin-${e.origin}`}>
            <div className="timeline-head">
              <strong>{labels.event(e.event)}</strong>
              {e.from !== e.to ? (
                <span className="muted">
                  {' '}
                  → {labels.state(e.to)}
                </span>
              ) : null}
            </div>
            <div className="small muted">
              <DateTime value={e.at} /> · {e.origin === 'remote' ? t('timeline.fromOther') : <span dir="ltr">{e.actor}</span>}
              {e.ledgerIndex !== null ? (
                <>
                  {' · '}
                  <Link to={`/ledger?entry=${e.ledgerIndex}`}>{t('timeline.ledger', { index: e.ledgerIndex })}</Link>
                </>
              ) : null}
            </div>
            <Details e={e} fieldLabel={fieldLabel} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

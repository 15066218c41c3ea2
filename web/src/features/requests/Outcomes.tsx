import type { RequestDetail } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Notice } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRequestLabels } from './labels.ts';

/** The requested State's decision: outcome, grounds, the reasons given, and the conditions that bind the results. */
export function DecisionSection({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  const d = r.decision;
  if (!d) return null;
  return (
    <Section id="decision" title={t('decision.title')}>
      <dl className="facts">
        <dt>{t('decide.outcome')}</dt>
        <dd>{labels.outcome(d.outcome)}</dd>
        <dt>{t('decision.at')}</dt>
        <dd>
          <DateTime value={d.at} />
        </dd>
        {d.grounds.length > 0 ? (
          <>
            <dt>{t('decide.grounds')}</dt>
            <dd>
              <ul className="plain">
                {d.grounds.map((g) => (
                  <li key={g}>{labels.ground(g)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {d.reasons ? (
          <>
            <dt>{t('decide.reasons')}</dt>
            <dd className="prewrap" dir="auto">
              {d.reasons}
            </dd>
          </>
        ) : null}
      </dl>
      {d.conditions.length > 0 ? (
        <>
          <h3>{t('decide.conditions')}</h3>
          <p className="muted small">{t(`decision.conditions.${r.facts.conditions === 'accepted' ? 'accepted' : 'pending'}` satisfies MessageKey)}</p>
          <ol>
            {d.conditions.map((c) => (
              <li key={c} className="prewrap" dir="auto">
                {c}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}

/** Results received or sent, each with the use limitation and confidentiality that bind it. */
export function ResultsSection({ r }: { r: RequestDetail }) {
  const { t, date } = useI18n();
  if (r.results.length === 0) return null;
  return (
    <Section id="results" title={t('results.title')}>
      {r.results.map((x) => (
        <article key={x.id} className="result" aria-labelledby={`result-${x.id}`}>
          <h3 id={`result-${x.id}`}>
            {x.final ? t('results.final') : t('results.partial')} — <DateTime value={x.at} />
          </h3>
          {x.useLimitation ? (
            <Notice kind="warning">
              <strong>{t('results.useLimitation')}:</strong>{' '}
              <span className="prewrap" dir="auto">
                {x.useLimitation}
              </span>
            </Notice>
          ) : null}
          <p className="prewrap" dir="auto">
            {x.summary}
          </p>
          <dl className="facts small">
            {x.confidentiality ? (
              <>
                <dt>{t('results.confidentiality')}</dt>
                <dd dir="auto">{x.confidentiality}</dd>
              </>
            ) : null}
            {x.conditions.length > 0 ? (
              <>
                <dt>{t('decide.conditions')}</dt>
                <dd>
                  <ul className="plain">
                    {x.conditions.map((c) => (
                      <li key={c} dir="auto">
                        {c}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {x.preservedUntil ? (
              <>
                <dt>{t('results.preservedUntil')}</dt>
                <dd>{date(x.preservedUntil)}</dd>
              </>
            ) : null}
            <dt>{t('results.sentBy')}</dt>
            <dd dir="ltr">{x.sentBy}</dd>
          </dl>
          {x.items.length > 0 ? (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('results.items')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.item.kind')}</th>
                    <th scope="col">{t('results.item.description')}</th>
                    <th scope="col">{t('results.item.sha256')}</th>
                  </tr>
                </thead>
                <tbody>
                  {x.items.map((i, n) => (
                    <tr key={n}>
                      <td>{i.kind}</td>
                      <td dir="auto">{i.description}</td>
                      <td>
                        <code className="wrap" dir="ltr">
                          {i.sha256 ?? t('common.none')}
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </article>
      ))}
    </Section>
  );
}

const TRANSFER_STATUSES = ['requested', 'authorized', 'refused', 'transferred'] as const;

/** Onward transfers to third States: asked, authorized or refused (with reasons), done. */
export function TransfersSection({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  if (r.transfers.length === 0) return null;
  return (
    <Section id="transfers" title={t('transfer.title')}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('transfer.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfer.thirdState')}</th>
              <th scope="col">{t('transfer.recipient')}</th>
              <th scope="col">{t('transfer.purpose')}</th>
              <th scope="col">{t('transfer.status')}</th>
              <th scope="col">{t('transfer.requestedAt')}</th>
              <th scope="col">{t('transfer.decidedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {r.transfers.map((x) => (
              <tr key={x.id}>
                <td dir="ltr">{x.thirdState}</td>
                <td dir="auto">{x.recipient}</td>
                <td className="prewrap" dir="auto">
                  {x.purpose}
                </td>
                <td>
                  {(TRANSFER_STATUSES as readonly string[]).includes(x.status) ? t(`transfer.status.${x.status as (typeof TRANSFER_STATUSES)[number]}` satisfies MessageKey) : x.status}
                  {x.reasons ? (
                    <span className="muted small" dir="auto">
                      {' '}
                      — {x.reasons}
                    </span>
                  ) : null}
                </td>
                <td>
                  <DateTime value={x.requestedAt} />
                </td>
                <td>
                  <DateTime value={x.decidedAt ?? x.transferredAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** The consultation between the States: the questions asked and the answers given, in order. */
export function ConsultationSection({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  const steps = r.history.filter((e) => ['request_info', 'info_requested', 'provide_info', 'info_received', 'record_no_consultation'].includes(e.event));
  if (steps.length === 0 && !r.facts.noConsultationReason) return null;
  return (
    <Section id="consultation" title={t('consultation.title')}>
      <ol className="timeline">
        {steps.map((e) => {
          const text = e.details.questions ?? e.details.answer ?? e.details.reason;
          return (
            <li key={e.seq} className={`timeline-item origin-${e.origin}`}>
              <div className="timeline-head">
                <strong>{labels.event(e.event)}</strong> <span className="small muted">{e.origin === 'remote' ? t('timeline.fromOther') : t('timeline.fromUs')}</span>
              </div>
              <div className="small muted">
                <DateTime value={e.at} />
              </div>
              {typeof text === 'string' ? (
                <p className="prewrap" dir="auto">
                  {text}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

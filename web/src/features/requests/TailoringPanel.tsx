import type { RequestCheck } from '../../api/client.ts';
import { Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCaseLabels } from '../cases/api.ts';
import type { OffenceId } from '../cases/api.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useLanguageName } from './useLanguageName.ts';

type Tailoring = RequestCheck['tailoring'];
type Provision = Tailoring['dualCriminality']['offences'][number]['requested'];

type Statement = Tailoring['declarations'][number];
const RELEVANCES = ['type', 'offence', 'general', 'unclear'] as const;

/**
 * Declarations or reservations of the requested State: those that concern this request (its type, its offences,
 * general ones, or whose article is unclear) first, with why; the others folded away.
 */
function Statements({ title, items }: { title: string; items: readonly Statement[] }) {
  const { t, number } = useI18n();
  const shown = items.filter((s) => s.relevance !== 'other');
  const others = items.filter((s) => s.relevance === 'other');
  const line = (s: Statement, i: number) => (
    <li key={i}>
      {s.article ? <strong dir="ltr">{s.article}: </strong> : null}
      <span dir="auto">{s.text}</span>
      {(RELEVANCES as readonly string[]).includes(s.relevance) ? (
        <span className="muted small"> — {t(`tailoring.relevance.${s.relevance as (typeof RELEVANCES)[number]}` satisfies MessageKey)}</span>
      ) : null}
    </li>
  );
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">{t('tailoring.none')}</p> : null}
      <ul>{shown.map(line)}</ul>
      {others.length > 0 ? (
        <details>
          <summary>{t('tailoring.others', { count: number(others.length) })}</summary>
          <ul>{others.map(line)}</ul>
        </details>
      ) : null}
    </>
  );
}

function ProvisionCell({ p }: { p: Provision }) {
  const { t, number } = useI18n();
  if (!p) return <span className="muted">{t('dual.notCriminalised')}</span>;
  return (
    <>
      <span dir="auto">{p.citation}</span>
      <br />
      <span className="muted small">{p.maxPenaltyYears > 0 ? t('dual.maxPenalty', { years: number(p.maxPenaltyYears) }) : t('dual.fineOnly')}</span>
    </>
  );
}

const OUTCOMES = ['not_applicable', 'satisfied', 'partial', 'not_satisfied'] as const;

/**
 * What the requested State requires of this request: the languages it accepts (and whether the drafting language
 * is one), its declarations and reservations, and the dual-criminality assessment against its legislation profile —
 * offence by offence, with both States' provisions and penalties.
 */
export function TailoringPanel({ tailoring, requestedState, draftingLanguage, fieldLabel }: { tailoring: Tailoring; requestedState: string; draftingLanguage: string; fieldLabel(id: string): string }) {
  const { t, number } = useI18n();
  const languageName = useLanguageName();
  const labels = useCaseLabels();
  const dc = tailoring.dualCriminality;
  const outcome = (OUTCOMES as readonly string[]).includes(dc.outcome) ? t(`dual.outcome.${dc.outcome}` satisfies MessageKey) : dc.outcome;
  const tone = dc.outcome === 'satisfied' || dc.outcome === 'not_applicable' ? 'ok' : dc.outcome === 'partial' ? 'warn' : 'bad';
  return (
    <Section id="tailoring" title={t('tailoring.title', { state: requestedState })}>
      <h3>{t('tailoring.languages')}</h3>
      <p>
        {tailoring.acceptedLanguages.length > 0 ? tailoring.acceptedLanguages.map((l) => languageName(l)).join(', ') : t('tailoring.languages.unknown')}
        {' — '}
        <span className={`badge tone-${tailoring.languageAccepted ? 'ok' : 'bad'}`}>
          {tailoring.languageAccepted ? t('tailoring.languageAccepted', { language: languageName(draftingLanguage) }) : t('tailoring.languageNotAccepted', { language: languageName(draftingLanguage) })}
        </span>
      </p>
      {tailoring.extraRequired.length > 0 ? (
        <>
          <h3>{t('tailoring.extraRequired')}</h3>
          <ul>
            {tailoring.extraRequired.map((f) => (
              <li key={f}>{fieldLabel(f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Statements title={t('tailoring.declarations')} items={tailoring.declarations} />
      <Statements title={t('tailoring.reservations')} items={tailoring.reservations} />
      <h3>{t('dual.title')}</h3>
      <p>
        <span className={`badge tone-${tone}`} data-testid="dual-outcome">
          {outcome}
        </span>{' '}
        {dc.applies ? t('dual.applies') : t('dual.notApplies')}
        {dc.thresholdYears !== null ? ` ${t('dual.threshold', { years: number(dc.thresholdYears) })}` : ''}
      </p>
      <p className="muted small">
        {t('dual.basis')}:{' '}
        <span lang="en" dir="ltr">
          {dc.basis}
        </span>
      </p>
      {dc.offences.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('dual.table', { state: requestedState })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.offences')}</th>
                <th scope="col">{t('dual.requested', { state: requestedState })}</th>
                <th scope="col">{t('dual.requesting')}</th>
                <th scope="col">{t('dual.meetsThreshold')}</th>
                <th scope="col">{t('dual.note')}</th>
              </tr>
            </thead>
            <tbody>
              {dc.offences.map((o) => (
                <tr key={o.offence}>
                  <th scope="row">{labels.offence(o.offence as OffenceId)}</th>
                  <td>
                    <ProvisionCell p={o.requested} />
                  </td>
                  <td>
                    <ProvisionCell p={o.requesting} />
                  </td>
                  <td>{o.meetsThreshold === null ? t('common.none') : o.meetsThreshold ? t('common.yes') : t('common.no')}</td>
                  <td className="small" lang="en" dir="ltr">
                    {o.note}
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

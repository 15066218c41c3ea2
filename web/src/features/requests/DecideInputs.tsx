import type { RequestDetail } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { Notice } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, SelectField, TextArea } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CommandValues } from './command-body.ts';
import type { SetValues } from './CommandPanel.tsx';
import { useRequestLabels } from './labels.ts';
import { DECISION_OUTCOMES, REFUSAL_GROUNDS, type RefusalGround } from './vocabulary.ts';

/**
 * The decision on an incoming request: the outcome; for a refusal or postponement the grounds (DOMAIN §4's closed
 * list — fiscal matters and bank secrecy are never grounds) and the reasons the requesting State will read; for an
 * acceptance with conditions, the conditions one by one. The rules (consultation before refusal, grounds valid)
 * are the node's; the form says them beforehand.
 */
export function DecideInputs({ r, values: v, set, error }: { r: RequestDetail; values: CommandValues; set: SetValues; error: unknown }) {
  const { t } = useI18n();
  const labels = useRequestLabels();
  const negative = v.outcome === 'refused' || v.outcome === 'postponed';
  const consulted = r.facts.consultationHeld || r.facts.noConsultationReason !== null;
  return (
    <>
      <SelectField
        label={t('decide.outcome')}
        pointer="/outcome"
        error={error}
        required
        value={v.outcome}
        onChange={(x) => set({ outcome: x })}
        options={[{ value: '', label: t('wizard.choose') }, ...DECISION_OUTCOMES.map((o) => ({ value: o, label: labels.outcome(o) }))]}
      />
      {v.outcome === 'refused' && !consulted ? <Notice kind="warning">{t('decide.consultFirst')}</Notice> : null}
      {negative ? (
        <>
          <CheckboxGroup<RefusalGround>
            legend={t('decide.grounds')}
            pointer="/grounds"
            error={error}
            required
            value={v.grounds.filter((g): g is RefusalGround => (REFUSAL_GROUNDS as readonly string[]).includes(g))}
            onChange={(g) => set({ grounds: g })}
            options={REFUSAL_GROUNDS.map((g) => ({ value: g, label: labels.ground(g) }))}
          />
          <p className="hint">{t('decide.notGrounds')}</p>
        </>
      ) : null}
      <TextArea label={t('decide.reasons')} hint={negative ? t('decide.reasons.hint') : undefined} pointer="/reasons" error={error} value={v.reasons} onChange={(x) => set({ reasons: x })} required={negative} rows={5} />
      {v.outcome === 'accepted_with_conditions' ? <Conditions values={v} set={set} error={error} /> : null}
    </>
  );
}

function Conditions({ values: v, set, error }: { values: CommandValues; set: SetValues; error: unknown }) {
  const { t } = useI18n();
  const listErrors = error instanceof ApiError ? error.fieldErrors('/conditions').filter((e) => e.pointer === '/conditions') : [];
  return (
    <fieldset className={`field${listErrors.length > 0 ? ' field-invalid' : ''}`}>
      <legend>
        {t('decide.conditions')} <span className="req">({t('common.required')})</span>
      </legend>
      <p className="hint">{t('decide.conditions.hint')}</p>
      {v.conditions.map((c, i) => (
        <div className="row" key={i}>
          <TextArea label={t('decide.condition', { n: i + 1 })} pointer={`/conditions/${i}`} error={error} value={c} onChange={(x) => set({ conditions: v.conditions.map((y, j) => (j === i ? x : y)) })} rows={2} />
          <button type="button" className="button-quiet align-end" onClick={() => set({ conditions: v.conditions.filter((_, j) => j !== i) })}>
            {t('decide.condition.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      {listErrors.map((e) => (
        <p key={e.detail} className="field-error" lang="en" dir="ltr">
          {e.detail}
        </p>
      ))}
      <button type="button" onClick={() => set({ conditions: [...v.conditions, ''] })}>
        {t('decide.condition.add')}
      </button>
    </fieldset>
  );
}

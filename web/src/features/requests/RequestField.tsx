import { useId, useMemo, type ReactNode } from 'react';
import type { FieldDefinition } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCaseLabels, useOffences } from '../cases/api.ts';
import { emptyInput, type FieldInput } from './field-values.ts';
import { AssetsInput, PersonsInput } from './ListInputs.tsx';

/** The DOM id of a field's first control, so that the completeness list can move the focus to it. */
export const fieldDomId = (fieldId: string): string => `rf-${fieldId}`;

export interface FieldStatus {
  severity: 'missing' | 'invalid' | 'warning';
  message: string;
}

interface Props {
  field: FieldDefinition;
  value: FieldInput;
  onChange(v: FieldInput): void;
  required: boolean;
  /** The completeness check's items for this field. */
  status: readonly FieldStatus[];
  /** The last save's error (its `/content/<id>` field errors are shown here). */
  error: unknown;
  /** The zone datetimes are typed in. */
  zone: string;
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/**
 * One field of a request type, rendered by its kind with its label and guidance in the user's language, its legal
 * source, whether it is required (now, given the other answers), what the completeness check says about it and
 * the node's errors from the last save — all linked to the control with aria-describedby.
 */
export function RequestField({ field, value, onChange, required, status, error, zone }: Props) {
  const { t, lang } = useI18n();
  const base = useId();
  const id = fieldDomId(field.id);
  const label = field.label[lang] || field.label.en;
  const guidance = field.guidance[lang] || field.guidance.en;
  const pointer = `/content/${field.id}`;
  const errs = error instanceof ApiError ? error.fieldErrors(pointer).map((e) => (e.pointer === pointer ? e.detail : `${e.pointer.slice(pointer.length + 1)}: ${e.detail}`)) : [];
  const blocking = status.filter((s) => s.severity !== 'warning');
  const warnings = status.filter((s) => s.severity === 'warning');
  const hintId = `${base}-hint`;
  const statusId = status.length > 0 ? `${base}-status` : undefined;
  const errId = errs.length > 0 ? `${base}-err` : undefined;
  const describedBy = [hintId, statusId, errId].filter(Boolean).join(' ');
  const invalid = errs.length > 0 || blocking.some((s) => s.severity === 'invalid');
  const group = ['boolean', 'choices', 'offences', 'persons', 'assets', 'period'].includes(field.kind);

  const head = (
    <>
      {label}
      {required ? <span className="req"> ({t('common.required')})</span> : <span className="req"> ({t('common.optional')})</span>}
    </>
  );
  const after: ReactNode = (
    <>
      <p id={hintId} className="hint">
        {guidance}
        {field.source ? (
          <span className="source">
            {' '}
            {t('wizard.source')}: <span dir="ltr">{field.source}</span>
          </span>
        ) : null}
      </p>
      {statusId ? (
        <p id={statusId} className={`field-status${blocking.length > 0 ? ' field-status-blocking' : ''}`}>
          {blocking.map((s) => (
            <span key={`${s.severity}${s.message}`}>
              {s.severity === 'missing' ? t('completeness.missing') : t('completeness.invalid')}
              {s.severity === 'invalid' ? (
                <>
                  {': '}
                  <span lang="en" dir="ltr">
                    {s.message}
                  </span>
                </>
              ) : null}
            </span>
          ))}
          {warnings.map((s) => (
            <span key={`w${s.message}`}>
              {t('completeness.warning')}:{' '}
              <span lang="en" dir="ltr">
                {s.message}
              </span>
            </span>
          ))}
        </p>
      ) : null}
      {errId ? (
        <p id={errId} className="field-error">
          {errs.map((e) => (
            <span key={e} lang="en" dir="ltr">
              {e}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
  const control = <Control field={field} id={id} value={value} onChange={onChange} required={required} describedBy={describedBy} invalid={invalid} zone={zone} label={label} />;
  const cls = `field${invalid ? ' field-invalid' : ''}${blocking.length > 0 ? ' field-incomplete' : ''}`;
  if (group)
    return (
      <fieldset className={cls} aria-describedby={describedBy}>
        <legend>{head}</legend>
        {after}
        {control}
      </fieldset>
    );
  return (
    <div className={cls}>
      <label htmlFor={id}>{head}</label>
      {after}
      {control}
    </div>
  );
}

interface ControlProps {
  field: FieldDefinition;
  id: string;
  value: FieldInput;
  onChange(v: FieldInput): void;
  required: boolean;
  describedBy: string;
  invalid: boolean;
  zone: string;
  label: string;
}

function Control({ field, id, value, onChange, required, describedBy, invalid, zone, label }: ControlProps) {
  const { t, lang } = useI18n();
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, required };
  const options = (field.options ?? []).map((o, i) => ({ value: o, label: field.optionLabels?.[i]?.[lang] || field.optionLabels?.[i]?.en || o }));

  if (value.t === 'raw')
    return (
      <div className="raw-value">
        <pre className="note" dir="ltr" tabIndex={0} aria-label={label}>
          {JSON.stringify(value.v, null, 2)}
        </pre>
        <button type="button" id={id} onClick={() => onChange(emptyInput(field.kind))}>
          {t('wizard.clearValue')}
        </button>
      </div>
    );

  switch (field.kind) {
    case 'longtext':
      return <textarea {...common} rows={6} maxLength={field.maxLength} value={value.t === 'string' ? value.v : ''} onChange={(e) => onChange({ t: 'string', v: e.target.value })} />;
    case 'text':
    case 'email':
    case 'phone':
    case 'date':
    case 'integer': {
      const type = field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : field.kind === 'date' ? 'date' : 'text';
      const ltr = field.kind !== 'text';
      return (
        <input
          {...common}
          type={type}
          inputMode={field.kind === 'integer' ? 'numeric' : undefined}
          autoComplete={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'off'}
          dir={ltr ? 'ltr' : undefined}
          maxLength={field.maxLength}
          value={value.t === 'string' ? value.v : ''}
          onChange={(e) => onChange({ t: 'string', v: e.target.value })}
        />
      );
    }
    case 'timezone':
      return <TimeZoneInput common={common} value={value.t === 'string' ? value.v : ''} onChange={(v) => onChange({ t: 'string', v })} />;
    case 'choice':
      return (
        <select {...common} value={value.t === 'string' ? value.v : ''} onChange={(e) => onChange({ t: 'string', v: e.target.value })}>
          <option value="">{t('wizard.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'datetime':
      return (
        <div className="inline-field">
          <input {...common} type="datetime-local" dir="ltr" value={value.t === 'datetime' ? value.v : ''} onChange={(e) => onChange({ t: 'datetime', v: e.target.value })} />
          <span className="muted small">{t('wizard.inZone', { zone })}</span>
        </div>
      );
    case 'boolean': {
      const v = value.t === 'boolean' ? value.v : null;
      return (
        <div className="radios">
          <label className="check">
            <input type="radio" id={id} name={id} checked={v === true} onChange={() => onChange({ t: 'boolean', v: true })} />
            <span>{t('common.yes')}</span>
          </label>
          <label className="check">
            <input type="radio" name={id} checked={v === false} onChange={() => onChange({ t: 'boolean', v: false })} />
            <span>{t('common.no')}</span>
          </label>
          {!required ? (
            <label className="check">
              <input type="radio" name={id} checked={v === null} onChange={() => onChange({ t: 'boolean', v: null })} />
              <span>{t('wizard.notStated')}</span>
            </label>
          ) : null}
        </div>
      );
    }
    case 'choices':
      return <Checks id={id} options={options} value={value.t === 'choices' ? value.v : []} onChange={(v) => onChange({ t: 'choices', v })} />;
    case 'offences':
      return <OffenceChecks id={id} value={value.t === 'choices' ? value.v : []} onChange={(v) => onChange({ t: 'choices', v })} />;
    case 'list':
      return (
        <>
          <textarea {...common} rows={4} dir="auto" value={value.t === 'list' ? value.v : ''} onChange={(e) => onChange({ t: 'list', v: e.target.value })} />
          <span className="muted small">{t('wizard.onePerLine')}</span>
        </>
      );
    case 'period': {
      const p = value.t === 'period' ? value : { t: 'period' as const, from: '', to: '', withTime: false };
      const type = p.withTime ? 'datetime-local' : 'date';
      return (
        <div className="period">
          <div className="row">
            <div className="field">
              <label htmlFor={id}>{t('wizard.period.from')}</label>
              <input id={id} type={type} dir="ltr" value={p.from} onChange={(e) => onChange({ ...p, from: e.target.value })} aria-invalid={invalid || undefined} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('wizard.period.to')}</label>
              <input id={`${id}-to`} type={type} dir="ltr" value={p.to} onChange={(e) => onChange({ ...p, to: e.target.value })} aria-invalid={invalid || undefined} />
            </div>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={p.withTime}
              onChange={(e) =>
                onChange({
                  ...p,
                  withTime: e.target.checked,
                  from: e.target.checked ? (p.from ? `${p.from.slice(0, 10)}T00:00` : '') : p.from.slice(0, 10),
                  to: e.target.checked ? (p.to ? `${p.to.slice(0, 10)}T23:59` : '') : p.to.slice(0, 10),
                })
              }
            />
            <span>{t('wizard.period.withTime', { zone })}</span>
          </label>
        </div>
      );
    }
    case 'persons':
      return <PersonsInput id={id} value={value.t === 'persons' ? value.v : []} onChange={(v) => onChange({ t: 'persons', v })} />;
    case 'assets':
      return <AssetsInput id={id} value={value.t === 'assets' ? value.v : []} onChange={(v) => onChange({ t: 'assets', v })} />;
  }
}

function TimeZoneInput({ common, value, onChange }: { common: Record<string, unknown>; value: string; onChange(v: string): void }) {
  const listId = useId();
  const all = useMemo(zones, []);
  return (
    <>
      <input {...common} type="text" dir="ltr" list={listId} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {all.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}

function Checks({ id, options, value, onChange }: { id: string; options: ReadonlyArray<{ value: string; label: string }>; value: readonly string[]; onChange(v: string[]): void }) {
  return (
    <div className="checks-cols">
      {options.map((o, i) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            id={i === 0 ? id : undefined}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

function OffenceChecks({ id, value, onChange }: { id: string; value: readonly string[]; onChange(v: string[]): void }) {
  const offences = useOffences();
  const labels = useCaseLabels();
  const options = (offences.data?.items ?? []).map((o) => ({ value: o.id as string, label: labels.offence(o.id) }));
  // Ids the catalogue no longer lists stay visible (and removable).
  for (const v of value) if (!options.some((o) => o.value === v)) options.push({ value: v, label: v });
  return <Checks id={id} options={options} value={value} onChange={onChange} />;
}

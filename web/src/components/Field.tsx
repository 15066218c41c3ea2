import { useId, type ReactNode } from 'react';
import { ApiError } from '../api/problem.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The node's field errors for one JSON Pointer (and below it), to show next to the field. */
function errorsFor(error: unknown, pointer: string | undefined): string[] {
  if (!pointer || !(error instanceof ApiError)) return [];
  return error.fieldErrors(pointer).map((e) => (e.pointer === pointer ? e.detail : `${e.pointer.slice(pointer.length + 1)}: ${e.detail}`));
}

interface Common {
  label: string;
  /** JSON Pointer of this field in the request body, to match the node's per-field errors. */
  pointer?: string;
  error?: unknown;
  hint?: string;
  required?: boolean;
  /** A fixed id for the control (to focus it from elsewhere); generated otherwise. */
  id?: string;
}

/** A labelled control with its hint and its errors linked by aria-describedby; aria-invalid when it has errors. */
function Frame({ label, pointer, error, hint, required, id: fixedId, children }: Common & { children: (a: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const { t } = useI18n();
  const generated = useId();
  const id = fixedId ?? generated;
  const errs = errorsFor(error, pointer);
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errs.length > 0 ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errs.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> ({t('common.required')})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: errs.length > 0 })}
      {errId ? (
        <p id={errId} className="field-error">
          {errs.map((e) => (
            <span key={e} lang="en" dir="ltr">
              {e}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onChange(v: string): void;
    type?: 'text' | 'password' | 'email' | 'date' | 'number' | 'search';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text';
    maxLength?: number;
    pattern?: string;
    dir?: 'ltr' | 'rtl' | 'auto';
  },
) {
  const { value, onChange, type = 'text', autoComplete, inputMode, maxLength, pattern, dir, ...common } = props;
  return (
    <Frame {...common}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={common.pointer?.slice(1) || undefined}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={common.required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          pattern={pattern}
          dir={dir}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </Frame>
  );
}

export function TextArea(props: Common & { value: string; onChange(v: string): void; rows?: number; maxLength?: number }) {
  const { value, onChange, rows = 4, maxLength, ...common } = props;
  return (
    <Frame {...common}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          value={value}
          rows={rows}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          required={common.required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </Frame>
  );
}

export function SelectField<T extends string>(
  props: Common & { value: T; onChange(v: NoInfer<T>): void; options: ReadonlyArray<{ value: NoInfer<T>; label: string }> },
) {
  const { value, onChange, options, ...common } = props;
  return (
    <Frame {...common}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} required={common.required} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

/** A group of checkboxes (e.g. offences, roles) in a fieldset whose legend is the label. */
export function CheckboxGroup<T extends string>(props: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string; hint?: string }>;
  value: readonly T[];
  onChange(v: T[]): void;
  pointer?: string;
  error?: unknown;
  required?: boolean;
  columns?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const errs = errorsFor(props.error, props.pointer);
  const errId = errs.length > 0 ? `${id}-err` : undefined;
  const toggle = (v: T, on: boolean) => props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset className={`field checks${props.columns ? ' checks-cols' : ''}${errs.length > 0 ? ' field-invalid' : ''}`} aria-describedby={errId}>
      <legend>
        {props.legend}
        {props.required ? <span className="req"> ({t('common.required')})</span> : null}
      </legend>
      {props.options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" checked={props.value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          <span>
            {o.label}
            {o.hint ? <span className="muted small"> {o.hint}</span> : null}
          </span>
        </label>
      ))}
      {errId ? (
        <p id={errId} className="field-error">
          {errs.map((e) => (
            <span key={e} lang="en" dir="ltr">
              {e}
            </span>
          ))}
        </p>
      ) : null}
    </fieldset>
  );
}

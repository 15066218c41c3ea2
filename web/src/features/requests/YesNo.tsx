import { ApiError } from '../../api/problem.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A required yes/no answer as two radio buttons in a fieldset (no answer until one is chosen). */
export function YesNo({ legend, value, onChange, name, required, error, pointer }: { legend: string; value: '' | 'yes' | 'no'; onChange(v: 'yes' | 'no'): void; name: string; required?: boolean; error: unknown; pointer: string }) {
  const { t } = useI18n();
  const errs = error instanceof ApiError ? error.fieldErrors(pointer) : [];
  const invalid = errs.length > 0;
  return (
    <fieldset className={`field${invalid ? ' field-invalid' : ''}`}>
      <legend>
        {legend}
        {required ? <span className="req"> ({t('common.required')})</span> : null}
      </legend>
      <div className="radios">
        <label className="check">
          <input type="radio" name={name} checked={value === 'yes'} onChange={() => onChange('yes')} />
          <span>{t('common.yes')}</span>
        </label>
        <label className="check">
          <input type="radio" name={name} checked={value === 'no'} onChange={() => onChange('no')} />
          <span>{t('common.no')}</span>
        </label>
      </div>
      {errs.map((e) => (
        <p key={e.detail} className="field-error" lang="en" dir="ltr">
          {e.detail}
        </p>
      ))}
    </fieldset>
  );
}


import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { IDENTIFIER_TYPES, SUBJECT_ROLES, useSubjectLabels } from '../cases/SubjectForm.tsx';
import { emptyAsset, emptyPerson, type AssetInput, type PersonInput } from './field-values.ts';
import { ASSET_TYPES, isOneOf } from './vocabulary.ts';

/**
 * The repeatable parts of a request: persons (carried over from the case's subjects, editable here) and assets.
 * Each entry is its own group with numbered labels, so that a screen-reader user knows which person a field
 * belongs to; removing one is a button naming it.
 */
export function PersonsInput({ id, value, onChange }: { id: string; value: readonly PersonInput[]; onChange(v: PersonInput[]): void }) {
  const { t } = useI18n();
  const labels = useSubjectLabels();
  const set = (i: number, p: Partial<PersonInput>) => onChange(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <div className="repeat">
      {value.length === 0 ? <p className="muted">{t('wizard.persons.none')}</p> : null}
      {value.map((p, i) => {
        const n = i + 1;
        const pid = `${id}-${i}`;
        return (
          <fieldset key={i} className="field repeat-item">
            <legend>{t('wizard.persons.person', { n, name: p.name || '…' })}</legend>
            <div className="row">
              <div className="field">
                <label htmlFor={i === 0 ? id : `${pid}-name`}>{t('subject.name')}</label>
                <input id={i === 0 ? id : `${pid}-name`} value={p.name} onChange={(e) => set(i, { name: e.target.value })} maxLength={300} />
              </div>
              <div className="field">
                <label htmlFor={`${pid}-role`}>{t('subject.role')}</label>
                <select id={`${pid}-role`} value={p.role} onChange={(e) => set(i, { role: e.target.value })}>
                  <option value="">{t('common.none')}</option>
                  {SUBJECT_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {labels.role(r)}
                    </option>
                  ))}
                  {p.role && !(SUBJECT_ROLES as readonly string[]).includes(p.role) ? <option value={p.role}>{p.role}</option> : null}
                </select>
              </div>
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor={`${pid}-nat`}>{t('subject.nationality')}</label>
                <input id={`${pid}-nat`} dir="ltr" maxLength={2} value={p.nationality} onChange={(e) => set(i, { nationality: e.target.value })} aria-describedby={`${pid}-nat-hint`} />
                <p id={`${pid}-nat-hint`} className="hint">
                  {t('subject.nationality.hint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${pid}-dob`}>{t('subject.dateOfBirth')}</label>
                <input id={`${pid}-dob`} type="date" dir="ltr" value={p.dateOfBirth} onChange={(e) => set(i, { dateOfBirth: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${pid}-loc`}>{t('wizard.persons.location')}</label>
                <input id={`${pid}-loc`} value={p.location} onChange={(e) => set(i, { location: e.target.value })} maxLength={500} />
              </div>
            </div>
            <fieldset className="field">
              <legend>{t('subject.identifiers')}</legend>
              {p.identifiers.map((idf, k) => (
                <div className="row" key={k}>
                  <div className="field">
                    <label htmlFor={`${pid}-id${k}-type`}>{t('subject.identifier.type')}</label>
                    <select id={`${pid}-id${k}-type`} value={idf.type} onChange={(e) => set(i, { identifiers: p.identifiers.map((x, m) => (m === k ? { ...x, type: e.target.value } : x)) })}>
                      {IDENTIFIER_TYPES.map((x) => (
                        <option key={x} value={x}>
                          {labels.identifier(x)}
                        </option>
                      ))}
                      {!(IDENTIFIER_TYPES as readonly string[]).includes(idf.type) ? <option value={idf.type}>{idf.type}</option> : null}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${pid}-id${k}-value`}>{t('subject.identifier.value')}</label>
                    <input id={`${pid}-id${k}-value`} dir="ltr" value={idf.value} maxLength={200} onChange={(e) => set(i, { identifiers: p.identifiers.map((x, m) => (m === k ? { ...x, value: e.target.value } : x)) })} />
                  </div>
                  <button type="button" className="button-quiet align-end" onClick={() => set(i, { identifiers: p.identifiers.filter((_, m) => m !== k) })}>
                    {t('subject.identifier.remove', { n: k + 1 })}
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => set(i, { identifiers: [...p.identifiers, { type: 'email', value: '' }] })}>
                {t('subject.identifier.add')}
              </button>
            </fieldset>
            <button type="button" className="button-danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('wizard.persons.remove', { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id={value.length === 0 ? id : undefined} onClick={() => onChange([...value, emptyPerson()])}>
        {t('wizard.persons.add')}
      </button>
    </div>
  );
}

export function AssetsInput({ id, value, onChange }: { id: string; value: readonly AssetInput[]; onChange(v: AssetInput[]): void }) {
  const { t } = useI18n();
  const set = (i: number, a: Partial<AssetInput>) => onChange(value.map((x, j) => (j === i ? { ...x, ...a } : x)));
  const typeLabel = (v: string) => (isOneOf(ASSET_TYPES, v) ? t(`asset.${v}` satisfies MessageKey) : v);
  return (
    <div className="repeat">
      {value.length === 0 ? <p className="muted">{t('wizard.assets.none')}</p> : null}
      {value.map((a, i) => {
        const n = i + 1;
        const aid = `${id}-${i}`;
        return (
          <fieldset key={i} className="field repeat-item">
            <legend>{t('wizard.assets.asset', { n })}</legend>
            <div className="row">
              <div className="field">
                <label htmlFor={i === 0 ? id : `${aid}-type`}>{t('wizard.assets.type')}</label>
                <select id={i === 0 ? id : `${aid}-type`} value={a.type} onChange={(e) => set(i, { type: e.target.value })}>
                  {ASSET_TYPES.map((x) => (
                    <option key={x} value={x}>
                      {typeLabel(x)}
                    </option>
                  ))}
                  {!isOneOf(ASSET_TYPES, a.type) ? <option value={a.type}>{a.type}</option> : null}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${aid}-value`}>{t('wizard.assets.value')}</label>
                <input id={`${aid}-value`} dir="ltr" inputMode="decimal" value={a.value} onChange={(e) => set(i, { value: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${aid}-cur`}>{t('wizard.assets.currency')}</label>
                <input id={`${aid}-cur`} dir="ltr" maxLength={10} value={a.currency} onChange={(e) => set(i, { currency: e.target.value })} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${aid}-desc`}>{t('wizard.assets.description')}</label>
              <textarea id={`${aid}-desc`} rows={2} value={a.description} onChange={(e) => set(i, { description: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${aid}-loc`}>{t('wizard.persons.location')}</label>
              <input id={`${aid}-loc`} value={a.location} onChange={(e) => set(i, { location: e.target.value })} />
            </div>
            <button type="button" className="button-danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('wizard.assets.remove', { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id={value.length === 0 ? id : undefined} onClick={() => onChange([...value, emptyAsset()])}>
        {t('wizard.assets.add')}
      </button>
    </div>
  );
}

import type { ReactNode } from 'react';
import type { FieldDefinition, RequestType } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCaseLabels, type OffenceId } from '../cases/api.ts';
import { useSubjectLabels } from '../cases/SubjectForm.tsx';
import { isPresent } from './field-values.ts';
import { useRequestLabels } from './labels.ts';
import { ASSET_TYPES, WIZARD_STEPS, isOneOf } from './vocabulary.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : JSON.stringify(v));

function Value({ field, value }: { field: FieldDefinition; value: unknown }): ReactNode {
  const { t, lang, date } = useI18n();
  const cases = useCaseLabels();
  const subjects = useSubjectLabels();
  const option = (o: string) => {
    const i = (field.options ?? []).indexOf(o);
    const l = i >= 0 ? field.optionLabels?.[i] : undefined;
    return l ? l[lang] || l.en : o;
  };
  switch (field.kind) {
    case 'longtext':
      return <p className="prewrap">{text(value)}</p>;
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : text(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? <span>{date(value)}</span> : text(value);
    case 'datetime':
      return typeof value === 'string' ? <DateTime value={value} /> : text(value);
    case 'period': {
      if (!isRecord(value)) return text(value);
      const one = (v: unknown) => (typeof v === 'string' ? v.includes('T') ? <DateTime value={v} /> : date(v) : text(v));
      return (
        <span>
          {one(value.from)} – {one(value.to)}
        </span>
      );
    }
    case 'choice':
      return typeof value === 'string' ? option(value) : text(value);
    case 'choices':
      return Array.isArray(value) ? value.map((v) => option(text(v))).join(', ') : text(value);
    case 'offences':
      return Array.isArray(value) ? value.map((v) => cases.offence(text(v) as OffenceId)).join(', ') : text(value);
    case 'list':
      return Array.isArray(value) ? (
        <ul className="plain" dir="auto">
          {value.map((v, i) => (
            <li key={i}>{text(v)}</li>
          ))}
        </ul>
      ) : (
        text(value)
      );
    case 'persons':
      return Array.isArray(value) ? (
        <ul className="plain">
          {value.filter(isRecord).map((p, i) => {
            const role = text(p.role);
            const ids = Array.isArray(p.identifiers) ? p.identifiers.filter(isRecord) : [];
            return (
              <li key={i}>
                <strong>{text(p.name)}</strong>
                {role ? ` — ${['suspect', 'victim', 'witness', 'other'].includes(role) ? subjects.role(role as 'suspect') : role}` : ''}
                {p.nationality ? <span dir="ltr"> ({text(p.nationality)})</span> : null}
                {typeof p.dateOfBirth === 'string' && p.dateOfBirth ? ` · ${date(p.dateOfBirth)}` : ''}
                {p.location ? ` · ${text(p.location)}` : ''}
                {ids.length > 0 ? (
                  <span className="muted small">
                    {' '}
                    {ids.map((x) => `${text(x.type)}: ${text(x.value)}`).join('; ')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        text(value)
      );
    case 'assets':
      return Array.isArray(value) ? (
        <ul className="plain">
          {value.filter(isRecord).map((a, i) => (
            <li key={i}>
              <strong>{isOneOf(ASSET_TYPES, a.type) ? t(`asset.${a.type}` satisfies MessageKey) : text(a.type)}</strong>: {text(a.description)}
              {a.value !== undefined ? (
                <span dir="ltr">
                  {' '}
                  ({text(a.value)} {text(a.currency)})
                </span>
              ) : null}
              {a.location ? ` · ${text(a.location)}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        text(value)
      );
    case 'email':
    case 'phone':
    case 'timezone':
    case 'integer':
      return <span dir="ltr">{text(value)}</span>;
    default:
      return text(value);
  }
}

/** A request's content, read-only, grouped by wizard step with the fields' labels in the user's language. */
export function ContentView({ type, content }: { type: RequestType; content: Readonly<Record<string, unknown>> }) {
  const { t, lang } = useI18n();
  const labels = useRequestLabels();
  const known = new Set(type.fields.map((f) => f.id));
  const others = Object.keys(content).filter((k) => !known.has(k) && isPresent(content[k]));
  return (
    <>
      {WIZARD_STEPS.map((s) => {
        const fields = type.fields.filter((f) => f.step === s && isPresent(content[f.id]));
        if (fields.length === 0) return null;
        return (
          <div key={s}>
            <h3>{labels.step(s)}</h3>
            <dl className="facts">
              {fields.map((f) => (
                <div key={f.id} className="facts-row">
                  <dt>{f.label[lang] || f.label.en}</dt>
                  <dd>
                    <Value field={f} value={content[f.id]} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
      {others.length > 0 ? (
        <>
          <h3>{t('request.content.other')}</h3>
          <dl className="facts">
            {others.map((k) => (
              <div key={k} className="facts-row">
                <dt dir="ltr">{k}</dt>
                <dd>
                  <code className="wrap">{text(content[k])}</code>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

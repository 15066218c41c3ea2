import type { ReactNode } from 'react';
import type { RequestCheck } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type CheckItem = RequestCheck['completeness']['items'][number];

/** Every item of a check: the completeness of the fields, then what the requested State requires. */
export function checkItems(check: RequestCheck | null | undefined): CheckItem[] {
  if (!check) return [];
  return [...check.completeness.items, ...check.tailoring.items];
}

/** One item: a button to the field when the panel can take the user there, else its label. */
function Item({ field, label, onSelect, children }: { field: string; label: string; onSelect?: (field: string) => void; children?: ReactNode }) {
  if (!onSelect)
    return (
      <span className="item-label">
        {children}
        {label}
      </span>
    );
  return (
    <button type="button" className="link-button" onClick={() => onSelect(field)}>
      {children}
      {label}
    </button>
  );
}

/**
 * What is still missing, as the node's live check says: one button per item (it takes the drafter to the field and
 * focuses it), blocking items first, warnings after. The count is announced politely after each save.
 */
export function CompletenessPanel({ check, fieldLabel, onSelect }: { check: RequestCheck | null | undefined; fieldLabel(id: string): string; onSelect?: (field: string) => void }) {
  const { t, number } = useI18n();
  const items = checkItems(check);
  const blocking = items.filter((i) => i.severity !== 'warning');
  const warnings = items.filter((i) => i.severity === 'warning');
  const complete = check?.complete ?? false;
  return (
    <section className="card completeness" aria-labelledby="completeness-h">
      <h2 id="completeness-h">{t('completeness.title')}</h2>
      <p role="status" className={complete ? 'completeness-ok' : 'completeness-todo'}>
        {!check ? t('completeness.unknown') : complete ? t('completeness.complete') : t('completeness.count', { count: number(blocking.length) })}
      </p>
      {blocking.length > 0 ? (
        <ul className="plain completeness-list">
          {blocking.map((i) => (
            <li key={`${i.field}:${i.severity}:${i.message}`}>
              <Item field={i.field} label={fieldLabel(i.field)} onSelect={onSelect}>
                <span className={`badge tone-${i.severity === 'missing' ? 'warn' : 'bad'}`}>{i.severity === 'missing' ? t('completeness.missing') : t('completeness.invalid')}</span>{' '}
              </Item>
              <span className="muted small" lang="en" dir="ltr">
                {i.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3>{t('completeness.warnings')}</h3>
          <ul className="plain completeness-list">
            {warnings.map((i) => (
              <li key={`${i.field}:w:${i.message}`}>
                <Item field={i.field} label={fieldLabel(i.field)} onSelect={onSelect} />
                <span className="muted small" lang="en" dir="ltr">
                  {i.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

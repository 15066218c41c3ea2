import { useState } from 'react';
import type { RequestType } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { TextArea, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CommandValues } from './command-body.ts';
import type { SetValues } from './CommandPanel.tsx';

/** SHA-256 of a file, hex, computed in this browser (the file itself is not sent anywhere). */
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Results for the requesting State: partial or final, a summary, the items (each with an optional SHA-256 so the
 * receiver can check what it later gets through the evidence channel — computed here from a local file), the
 * use limitation and confidentiality that bind the results, and for preservation the date until which the data is
 * kept.
 */
export function ResultsInputs({ type, values: v, set, error }: { type: RequestType | undefined; values: CommandValues; set: SetValues; error: unknown }) {
  const { t } = useI18n();
  const [hashing, setHashing] = useState<number | null>(null);
  const preservation = type?.measures.includes('preservation') ?? false;
  const finalErrors = error instanceof ApiError ? error.fieldErrors('/final') : [];
  const setItem = (i: number, p: Partial<CommandValues['items'][number]>) => set({ items: v.items.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  return (
    <>
      <fieldset className={`field${finalErrors.length > 0 ? ' field-invalid' : ''}`}>
        <legend>
          {t('results.kind')} <span className="req">({t('common.required')})</span>
        </legend>
        <div className="radios">
          <label className="check">
            <input type="radio" name="results-final" checked={v.final === 'partial'} onChange={() => set({ final: 'partial' })} />
            <span>{t('results.partial')}</span>
          </label>
          <label className="check">
            <input type="radio" name="results-final" checked={v.final === 'final'} onChange={() => set({ final: 'final' })} />
            <span>{t('results.final')}</span>
          </label>
        </div>
        {finalErrors.map((e) => (
          <p key={e.detail} className="field-error" lang="en" dir="ltr">
            {e.detail}
          </p>
        ))}
      </fieldset>
      <TextArea label={t('results.summary')} pointer="/summary" error={error} value={v.summary} onChange={(x) => set({ summary: x })} required rows={4} />
      <fieldset className="field">
        <legend>{t('results.items')}</legend>
        {v.items.map((it, i) => (
          <fieldset key={i} className="field repeat-item">
            <legend>{t('results.item', { n: i + 1 })}</legend>
            <div className="row">
              <TextField label={t('results.item.kind')} pointer={`/items/${i}/kind`} error={error} value={it.kind} onChange={(x) => setItem(i, { kind: x })} required maxLength={100} />
              <TextField label={t('results.item.sha256')} hint={t('results.item.sha256.hint')} pointer={`/items/${i}/sha256`} error={error} value={it.sha256} onChange={(x) => setItem(i, { sha256: x })} maxLength={64} dir="ltr" />
            </div>
            <div className="inline-field">
              <label htmlFor={`results-file-${i}`}>{t('results.item.file')}</label>
              <input
                id={`results-file-${i}`}
                type="file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (!f) return;
                  setHashing(i);
                  void sha256Hex(f)
                    .then((h) => setItem(i, { sha256: h, description: it.description || f.name }))
                    .finally(() => setHashing(null));
                }}
              />
              {hashing === i ? <span role="status">{t('results.item.hashing')}</span> : null}
            </div>
            <TextArea label={t('results.item.description')} pointer={`/items/${i}/description`} error={error} value={it.description} onChange={(x) => setItem(i, { description: x })} required rows={2} />
            <button type="button" className="button-quiet" onClick={() => set({ items: v.items.filter((_, j) => j !== i) })}>
              {t('results.item.remove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => set({ items: [...v.items, { kind: '', description: '', sha256: '' }] })}>
          {t('results.item.add')}
        </button>
      </fieldset>
      <TextArea label={t('results.useLimitation')} hint={t('results.useLimitation.hint')} pointer="/useLimitation" error={error} value={v.useLimitation} onChange={(x) => set({ useLimitation: x })} rows={3} />
      <TextArea label={t('results.confidentiality')} pointer="/confidentiality" error={error} value={v.confidentiality} onChange={(x) => set({ confidentiality: x })} rows={2} />
      {preservation ? (
        <TextField label={t('results.preservedUntil')} hint={t('results.preservedUntil.hint')} type="date" pointer="/preservedUntil" error={error} value={v.preservedUntil} onChange={(x) => set({ preservedUntil: x })} dir="ltr" />
      ) : null}
    </>
  );
}

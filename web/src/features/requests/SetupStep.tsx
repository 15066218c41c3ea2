import { useState, type FormEvent } from 'react';
import type { RequestDetail, RequestType } from '../../api/client.ts';
import { useCurrentSession } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDirectory } from '../directory/api.ts';
import { usePatchDraft, useRequestList } from './api.ts';
import { TypeBadges } from './TypeBadges.tsx';
import { useLanguageName } from './useLanguageName.ts';

/** Check items that are about the request rather than a field, and the label they are listed under. */
export const SETUP_FIELDS: Readonly<Record<string, MessageKey>> = {
  requestedState: 'newRequest.state',
  draftingLanguage: 'newRequest.language',
  language: 'newRequest.language',
  linkedRequestId: 'newRequest.linked',
};

/** The DOM id of a setup control, for the completeness list's links. */
export const setupDomId = (field: string): string => `setup-${field === 'language' ? 'draftingLanguage' : field}`;

const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** The wizard's first step: what the request is (type, read-only), where it goes and in which language. */
export function SetupStep({ r, type, onNext }: { r: RequestDetail; type: RequestType; onNext(): void }) {
  const { t, lang } = useI18n();
  const session = useCurrentSession();
  const directory = useDirectory();
  const languageName = useLanguageName();
  const patch = usePatchDraft(r.id);
  const [state, setState] = useState(r.requestedState);
  const [language, setLanguage] = useState(r.draftingLanguage);
  const [linked, setLinked] = useState(r.linkedRequestId ?? '');
  const earlier = useRequestList({ side: 'requesting', caseId: r.caseId ?? undefined, limit: 200 }, type.follows.length > 0 && r.caseId !== null);
  const linkable = (earlier.data?.items ?? []).filter((x) => x.id !== r.id && type.follows.includes(x.typeId) && x.state !== 'draft');
  const accepted = directory.data?.states[state]?.languages ?? [];
  const states = Object.entries(directory.data?.states ?? {})
    .filter(([code]) => code !== session.node.state)
    .sort(([a], [b]) => a.localeCompare(b));
  const dirty = state !== r.requestedState || language !== r.draftingLanguage || linked !== (r.linkedRequestId ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({
      version: r.version,
      ...(state !== r.requestedState ? { requestedState: state } : {}),
      ...(language !== r.draftingLanguage ? { draftingLanguage: language } : {}),
      ...(linked !== (r.linkedRequestId ?? '') ? { linkedRequestId: linked || null } : {}),
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="step-h">
      <dl className="facts">
        <dt>{t('request.type')}</dt>
        <dd>
          {type.title[lang] || type.title.en} <TypeBadges type={type} />
        </dd>
        <dt>{t('request.reference')}</dt>
        <dd dir="ltr">{r.reference}</dd>
      </dl>
      {directory.data ? (
        <SelectField
          id={setupDomId('requestedState')}
          label={t('newRequest.state')}
          pointer="/requestedState"
          error={patch.error}
          required
          value={state}
          onChange={setState}
          options={[...(states.some(([c]) => c === state) ? [] : [{ value: state, label: state }]), ...states.map(([code, s]) => ({ value: code, label: `${s.name} (${code})` }))]}
        />
      ) : (
        <TextField id={setupDomId('requestedState')} label={t('newRequest.state')} hint={t('newRequest.state.code')} pointer="/requestedState" error={patch.error} required value={state} onChange={setState} maxLength={2} dir="ltr" />
      )}
      <SelectField
        id={setupDomId('draftingLanguage')}
        label={t('newRequest.language')}
        hint={accepted.length > 0 ? t('newRequest.accepts', { state, languages: accepted.map(languageName).join(', ') }) : t('newRequest.language.hint')}
        pointer="/draftingLanguage"
        error={patch.error}
        required
        value={language}
        onChange={setLanguage}
        options={[...new Set([language, ...accepted, ...UN_LANGUAGES])].map((l) => ({ value: l, label: `${languageName(l)}${accepted.includes(l) ? ` — ${t('newRequest.accepted')}` : ''}` }))}
      />
      {type.follows.length > 0 ? (
        <SelectField
          id={setupDomId('linkedRequestId')}
          label={t('newRequest.linked')}
          hint={t('newRequest.linked.hint')}
          pointer="/linkedRequestId"
          error={patch.error}
          value={linked}
          onChange={setLinked}
          options={[
            { value: '', label: t('common.none') },
            ...(r.linkedRequestId && !linkable.some((x) => x.id === r.linkedRequestId) ? [{ value: r.linkedRequestId, label: r.linkedReference ?? r.linkedRequestId }] : []),
            ...linkable.map((x) => ({ value: x.id, label: `${x.reference}${x.theirReference ? ` / ${x.theirReference}` : ''}` })),
          ]}
        />
      ) : null}
      <ErrorAlert error={patch.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={!dirty || patch.isPending}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onNext} disabled={dirty || patch.isPending}>
          {t('wizard.next')}
        </button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, call, type RequestType } from '../../api/client.ts';
import { useCurrentSession } from '../../app/session.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCase } from '../cases/api.ts';
import { useDirectory } from '../directory/api.ts';
import { requestKeys, useRequestList, useRequestTypes } from './api.ts';
import { TypeBadges } from './TypeBadges.tsx';
import { useLanguageName } from './useLanguageName.ts';

const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** The language choices for a requested State: the languages it accepts first, then the six UN languages. */
function languageOptions(accepted: readonly string[]): string[] {
  return [...new Set([...accepted, ...UN_LANGUAGES])];
}

function TypeChoice({ types, value, onChange, error }: { types: readonly RequestType[]; value: string; onChange(v: string): void; error: unknown }) {
  const { t, lang } = useI18n();
  const errs = error instanceof ApiError ? error.fieldErrors('/typeId') : [];
  return (
    <fieldset className={`field type-choice${errs.length > 0 ? ' field-invalid' : ''}`}>
      <legend>
        {t('newRequest.type')} <span className="req">({t('common.required')})</span>
      </legend>
      {types.map((ty, i) => (
        <label key={ty.id} className="type-option">
          <input type="radio" name="typeId" id={i === 0 ? 'type-first' : undefined} value={ty.id} checked={value === ty.id} onChange={() => onChange(ty.id)} aria-describedby={`type-${ty.id}-summary`} />
          <span>
            <strong>{ty.title[lang] || ty.title.en}</strong> <TypeBadges type={ty} />
            <span id={`type-${ty.id}-summary`} className="muted small type-summary">
              {ty.summary[lang] || ty.summary.en} <span dir="ltr">({ty.basis.join(', ')})</span>
            </span>
          </span>
        </label>
      ))}
      {errs.map((e) => (
        <p key={e.detail} className="field-error" lang="en" dir="ltr">
          {e.detail}
        </p>
      ))}
    </fieldset>
  );
}

/**
 * First step of the drafting wizard, from a case: the type of request, the requested State (from the federation
 * directory) and the language it is written in (the State's accepted languages first). Creating the draft carries
 * the case's offences, facts and persons over; the wizard continues field by field.
 */
export function NewRequestPage() {
  const { t, lang } = useI18n();
  const { id: caseId = '' } = useParams();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const c = useCase(caseId);
  const types = useRequestTypes();
  const directory = useDirectory();
  const languageName = useLanguageName();
  const [typeId, setTypeId] = useState('');
  const [state, setState] = useState('');
  const [language, setLanguage] = useState('');
  const [linked, setLinked] = useState('');
  const type = types.data?.items.find((x) => x.id === typeId);
  const earlier = useRequestList({ side: 'requesting', caseId, limit: 200 }, !!type && type.follows.length > 0);
  const linkable = (earlier.data?.items ?? []).filter((r) => type?.follows.includes(r.typeId) && r.state !== 'draft');

  const states = Object.entries(directory.data?.states ?? {})
    .filter(([code]) => code !== session.node.state)
    .sort(([a], [b]) => a.localeCompare(b));
  const accepted = directory.data?.states[state]?.languages ?? [];
  const langs = languageOptions(accepted);
  const chosenLanguage = language || (accepted.includes(lang) ? lang : (accepted[0] ?? lang));

  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/requests', {
          body: { caseId, typeId, requestedState: state.trim().toUpperCase(), draftingLanguage: chosenLanguage, ...(linked ? { linkedRequestId: linked } : {}) },
        }),
      ),
    onSuccess: (r) => {
      qc.setQueryData(requestKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: requestKeys.lists });
      void navigate(`/requests/${r.id}/draft`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  if (c.isPending || types.isPending) return <Loading />;
  if (c.error || !c.data) return <ErrorAlert error={c.error} />;
  const kase = c.data;
  return (
    <Page title={t('newRequest.title')}>
      <p>
        {t('newRequest.fromCase')}{' '}
        <Link to={`/cases/${kase.id}`} dir="ltr">
          {kase.reference}
        </Link>
        {kase.view === 'full' ? ` — ${kase.title}` : ''}
      </p>
      <p className="muted">{t('newRequest.intro')}</p>
      <ErrorAlert error={types.error ?? directory.error} />
      <form className="card form" onSubmit={submit} noValidate aria-label={t('newRequest.title')}>
        <TypeChoice types={types.data?.items ?? []} value={typeId} onChange={setTypeId} error={create.error} />
        {directory.data ? (
          <SelectField
            label={t('newRequest.state')}
            hint={t('newRequest.state.hint')}
            pointer="/requestedState"
            error={create.error}
            required
            value={state}
            onChange={(v) => {
              setState(v);
              setLanguage('');
            }}
            options={[{ value: '', label: t('wizard.choose') }, ...states.map(([code, s]) => ({ value: code, label: `${s.name} (${code})` }))]}
          />
        ) : (
          <>
            {directory.data === null ? <Notice kind="warning">{t('newRequest.noDirectory')}</Notice> : null}
            <TextField label={t('newRequest.state')} hint={t('newRequest.state.code')} pointer="/requestedState" error={create.error} required value={state} onChange={setState} maxLength={2} dir="ltr" />
          </>
        )}
        {directory.data && state ? (
          <p className="muted small">
            {accepted.length > 0 ? t('newRequest.accepts', { state, languages: accepted.map(languageName).join(', ') }) : t('newRequest.acceptsUnknown', { state })}
          </p>
        ) : null}
        <SelectField
          label={t('newRequest.language')}
          hint={t('newRequest.language.hint')}
          pointer="/draftingLanguage"
          error={create.error}
          required
          value={chosenLanguage}
          onChange={setLanguage}
          options={langs.map((l) => ({ value: l, label: `${languageName(l)}${accepted.includes(l) ? ` — ${t('newRequest.accepted')}` : ''}` }))}
        />
        {type && type.follows.length > 0 ? (
          <SelectField
            label={t('newRequest.linked')}
            hint={t('newRequest.linked.hint')}
            pointer="/linkedRequestId"
            error={create.error}
            value={linked}
            onChange={setLinked}
            options={[{ value: '', label: t('common.none') }, ...linkable.map((r) => ({ value: r.id, label: `${r.reference}${r.theirReference ? ` / ${r.theirReference}` : ''}` }))]}
          />
        ) : null}
        <ErrorAlert error={create.error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t('newRequest.create')}
          </button>
          <Link className="button" to={`/cases/${kase.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, type Case } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, TextArea, TextField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { caseKeys, useCase, useCaseLabels, useOffences, type OffenceId } from './api.ts';

interface Draft {
  reference: string;
  title: string;
  summary: string;
  offences: OffenceId[];
}

function CaseForm({ initial, existing }: { initial: Draft; existing?: Case }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const offences = useOffences();
  const [d, setD] = useState<Draft>(initial);
  const save = useMutation({
    mutationFn: async (v: Draft) =>
      existing
        ? call(api.PATCH('/api/v1/cases/{id}', { params: { path: { id: existing.id } }, body: { version: existing.version, title: v.title, summary: v.summary, offences: v.offences } }))
        : call(api.POST('/api/v1/cases', { body: { title: v.title, summary: v.summary, offences: v.offences, ...(v.reference.trim() ? { reference: v.reference.trim() } : {}) } })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      void navigate(`/cases/${c.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(d);
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      {!existing ? (
        <TextField label={t('case.reference')} hint={t('case.reference.hint')} pointer="/reference" error={save.error} value={d.reference} onChange={(v) => setD({ ...d, reference: v })} maxLength={64} dir="ltr" />
      ) : null}
      <TextField label={t('case.title')} pointer="/title" error={save.error} value={d.title} onChange={(v) => setD({ ...d, title: v })} required maxLength={300} />
      <TextArea label={t('case.summary')} pointer="/summary" error={save.error} value={d.summary} onChange={(v) => setD({ ...d, summary: v })} rows={6} maxLength={20000} />
      {offences.isPending ? <Loading /> : null}
      <CheckboxGroup
        legend={t('case.offences')}
        pointer="/offences"
        error={save.error}
        required
        columns
        value={d.offences}
        onChange={(v) => setD({ ...d, offences: v })}
        options={(offences.data?.items ?? []).map((o) => ({
          value: o.id,
          label: labels.offence(o.id),
          hint: [o.unArticle ? `UN ${o.unArticle}` : null, o.bcArticle ? `BC ${o.bcArticle}` : null].filter(Boolean).join(' · '),
        }))}
      />
      <ErrorAlert error={save.error ?? offences.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {existing ? t('case.edit.submit') : t('case.create.submit')}
        </button>
        <Link className="button" to={existing ? `/cases/${existing.id}` : '/cases'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Opens a case (the caller becomes its lead). */
export function CaseCreatePage() {
  const { t } = useI18n();
  return (
    <Page title={t('case.create.title')}>
      <CaseForm initial={{ reference: '', title: '', summary: '', offences: [] }} />
    </Page>
  );
}

/** Changes title, summary and offences, against the version read (a stale one gets version_conflict). */
export function CaseEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const c = useCase(id);
  if (c.isPending) return <Loading />;
  if (c.error || !c.data) return <ErrorAlert error={c.error} />;
  if (c.data.view !== 'full') return <ErrorAlert error={new Error(t('error.forbidden'))} />;
  const v = c.data;
  return (
    <Page title={t('case.edit.title', { reference: v.reference })}>
      <CaseForm existing={v} initial={{ reference: v.reference, title: v.title, summary: v.summary, offences: [...v.offences] }} />
    </Page>
  );
}

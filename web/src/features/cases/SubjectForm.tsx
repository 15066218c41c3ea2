import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type CaseSubject, type NewSubject } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { caseKeys } from './api.ts';

type Kind = CaseSubject['kind'];
type SubjectRole = CaseSubject['role'];
type Participation = NonNullable<CaseSubject['participation']>;
type IdentifierType = CaseSubject['identifiers'][number]['type'];

export const KINDS: readonly Kind[] = ['natural', 'legal'];
export const SUBJECT_ROLES: readonly SubjectRole[] = ['suspect', 'victim', 'witness', 'other'];
export const PARTICIPATIONS: readonly Participation[] = ['perpetrator', 'accomplice', 'instigator', 'attempt'];
export const IDENTIFIER_TYPES: readonly IdentifierType[] = [
  'passport',
  'national_id',
  'tax_id',
  'driving_licence',
  'company_registration',
  'lei',
  'email',
  'phone',
  'username',
  'account',
  'iban',
  'crypto_address',
  'ip',
  'domain',
  'url',
  'other',
];

export function useSubjectLabels() {
  const { t } = useI18n();
  return {
    kind: (k: Kind) => t(`subjectKind.${k}` satisfies MessageKey),
    role: (r: SubjectRole) => t(`subjectRole.${r}` satisfies MessageKey),
    participation: (p: Participation) => t(`participation.${p}` satisfies MessageKey),
    identifier: (i: IdentifierType) => t(`identifier.${i}` satisfies MessageKey),
  };
}

interface Draft {
  kind: Kind;
  name: string;
  role: SubjectRole;
  participation: Participation | '';
  nationality: string;
  dateOfBirth: string;
  notes: string;
  identifiers: Array<{ type: IdentifierType; value: string }>;
}

const EMPTY: Draft = { kind: 'natural', name: '', role: 'suspect', participation: 'perpetrator', nationality: '', dateOfBirth: '', notes: '', identifiers: [] };

/** Adds a subject to a case. The node checks every rule (a suspect needs a participation, …) and names each field. */
export function SubjectForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const labels = useSubjectLabels();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(EMPTY);
  const add = useMutation({
    mutationFn: (body: NewSubject) => call(api.POST('/api/v1/cases/{id}/subjects', { params: { path: { id: caseId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      setD(EMPTY);
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      kind: d.kind,
      name: d.name,
      role: d.role,
      participation: d.role === 'suspect' ? d.participation || null : null,
      nationality: d.nationality.trim() ? d.nationality.trim().toUpperCase() : null,
      dateOfBirth: d.kind === 'natural' && d.dateOfBirth ? d.dateOfBirth : null,
      notes: d.notes,
      identifiers: d.identifiers.filter((i) => i.value.trim()).map((i) => ({ type: i.type, value: i.value.trim() })),
    });
  };
  const setId = (i: number, v: Partial<Draft['identifiers'][number]>) => setD({ ...d, identifiers: d.identifiers.map((x, j) => (j === i ? { ...x, ...v } : x)) });

  return (
    <form className="form subform" onSubmit={submit} noValidate aria-label={t('subjects.add')}>
      <div className="row">
        <SelectField label={t('subject.kind')} pointer="/kind" error={add.error} value={d.kind} onChange={(v) => setD({ ...d, kind: v })} options={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
        <TextField label={t('subject.name')} pointer="/name" error={add.error} value={d.name} onChange={(v) => setD({ ...d, name: v })} required maxLength={300} />
      </div>
      <div className="row">
        <SelectField label={t('subject.role')} pointer="/role" error={add.error} value={d.role} onChange={(v) => setD({ ...d, role: v })} options={SUBJECT_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
        {d.role === 'suspect' ? (
          <SelectField
            label={t('subject.participation')}
            hint={t('participation.hint')}
            pointer="/participation"
            error={add.error}
            value={d.participation}
            onChange={(v) => setD({ ...d, participation: v })}
            options={[{ value: '' as const, label: t('common.none') }, ...PARTICIPATIONS.map((p) => ({ value: p, label: labels.participation(p) }))]}
          />
        ) : null}
      </div>
      <div className="row">
        <TextField
          label={t('subject.nationality')}
          hint={d.kind === 'legal' ? t('subject.nationality.legalHint') : t('subject.nationality.hint')}
          pointer="/nationality"
          error={add.error}
          value={d.nationality}
          onChange={(v) => setD({ ...d, nationality: v })}
          maxLength={2}
          dir="ltr"
        />
        {d.kind === 'natural' ? (
          <TextField label={t('subject.dateOfBirth')} type="date" pointer="/dateOfBirth" error={add.error} value={d.dateOfBirth} onChange={(v) => setD({ ...d, dateOfBirth: v })} dir="ltr" />
        ) : null}
      </div>
      <fieldset className="field">
        <legend>{t('subject.identifiers')}</legend>
        {d.identifiers.map((idf, i) => (
          <div className="row" key={i}>
            <SelectField
              label={t('subject.identifier.type')}
              pointer={`/identifiers/${i}/type`}
              error={add.error}
              value={idf.type}
              onChange={(v) => setId(i, { type: v })}
              options={IDENTIFIER_TYPES.map((x) => ({ value: x, label: labels.identifier(x) }))}
            />
            <TextField label={t('subject.identifier.value')} pointer={`/identifiers/${i}/value`} error={add.error} value={idf.value} onChange={(v) => setId(i, { value: v })} maxLength={200} dir="ltr" />
            <button type="button" className="button-quiet align-end" onClick={() => setD({ ...d, identifiers: d.identifiers.filter((_, j) => j !== i) })}>
              {t('subject.identifier.remove', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setD({ ...d, identifiers: [...d.identifiers, { type: 'email', value: '' }] })}>
          {t('subject.identifier.add')}
        </button>
      </fieldset>
      <TextArea label={t('subject.notes')} pointer="/notes" error={add.error} value={d.notes} onChange={(v) => setD({ ...d, notes: v })} rows={3} maxLength={10000} />
      <ErrorAlert error={add.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {t('subject.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, type Case, type CaseAbility, type CaseMetadata } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SubjectForm, useSubjectLabels } from './SubjectForm.tsx';
import { caseKeys, useCase, useCaseLabels, type CaseRole } from './api.ts';
import { CaseRequests } from '../requests/CaseRequests.tsx';

const can = (c: { abilities: readonly CaseAbility[] }, a: CaseAbility) => c.abilities.includes(a);

function Overview({ c }: { c: Case | CaseMetadata }) {
  const { t, number } = useI18n();
  const labels = useCaseLabels();
  return (
    <dl className="facts">
      <dt>{t('case.reference')}</dt>
      <dd dir="ltr">{c.reference}</dd>
      <dt>{t('cases.col.status')}</dt>
      <dd>
        <span className={`badge badge-${c.status}`}>{labels.status(c.status)}</span>
      </dd>
      <dt>{t('case.offences')}</dt>
      <dd>{c.offences.map(labels.offence).join(', ')}</dd>
      {c.view === 'full' ? (
        <>
          <dt>{t('cases.col.myRole')}</dt>
          <dd>{c.myRole ? labels.caseRole(c.myRole) : t('common.none')}</dd>
          <dt>{t('case.version')}</dt>
          <dd>{number(c.version)}</dd>
        </>
      ) : (
        <>
          <dt>{t('cases.col.members')}</dt>
          <dd>{number(c.memberCount)}</dd>
        </>
      )}
      <dt>{t('case.created')}</dt>
      <dd>
        <DateTime value={c.createdAt} />
      </dd>
      <dt>{t('case.updated')}</dt>
      <dd>
        <DateTime value={c.updatedAt} />
      </dd>
      {c.closedAt ? (
        <>
          <dt>{t('case.closed')}</dt>
          <dd>
            <DateTime value={c.closedAt} />
          </dd>
        </>
      ) : null}
      {c.view === 'full' && c.closureReason ? (
        <>
          <dt>{t('case.closureReason')}</dt>
          <dd>{c.closureReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Subjects({ c }: { c: Case }) {
  const { t, date } = useI18n();
  const labels = useSubjectLabels();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (subjectId: string) => call(api.DELETE('/api/v1/cases/{id}/subjects/{subjectId}', { params: { path: { id: c.id, subjectId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
  const manage = can(c, 'case.subjects.manage');
  return (
    <Section id="subjects" title={t('subjects.title')}>
      {c.subjects.length === 0 ? <p className="muted">{t('subjects.none')}</p> : null}
      {c.subjects.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('subjects.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subject.name')}</th>
                <th scope="col">{t('subject.kind')}</th>
                <th scope="col">{t('subject.role')}</th>
                <th scope="col">{t('subject.nationality')}</th>
                <th scope="col">{t('subject.dateOfBirth')}</th>
                <th scope="col">{t('subject.identifiers')}</th>
                {manage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {c.subjects.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{labels.kind(s.kind)}</td>
                  <td>
                    {labels.role(s.role)}
                    {s.participation ? ` (${labels.participation(s.participation)})` : ''}
                  </td>
                  <td dir="ltr">{s.nationality ?? t('common.none')}</td>
                  <td>{s.dateOfBirth ? date(s.dateOfBirth) : t('common.none')}</td>
                  <td>
                    {s.identifiers.length === 0 ? t('common.none') : null}
                    <ul className="plain">
                      {s.identifiers.map((i) => (
                        <li key={`${i.type}:${i.value}`}>
                          {labels.identifier(i.type)}: <span dir="ltr">{i.value}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  {manage ? (
                    <td>
                      <button
                        type="button"
                        className="button-danger"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (confirm(t('subjects.removeConfirm', { name: s.name }))) remove.mutate(s.id);
                        }}
                      >
                        {t('subjects.remove')}
                        <span className="visually-hidden"> {s.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorAlert error={remove.error} />
      {manage && !adding ? (
        <button type="button" className="button-primary" onClick={() => setAdding(true)}>
          {t('subjects.add')}
        </button>
      ) : null}
      {manage && adding ? <SubjectForm caseId={c.id} onDone={() => setAdding(false)} /> : null}
    </Section>
  );
}

function Members({ c }: { c: Case }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const qc = useQueryClient();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<CaseRole>('member');
  const manage = can(c, 'case.members.manage');
  const done = () => qc.invalidateQueries({ queryKey: caseKeys.all });
  const add = useMutation({
    mutationFn: () => call(api.POST('/api/v1/cases/{id}/members', { params: { path: { id: c.id } }, body: { userId: userId.trim(), caseRole: role } })),
    onSuccess: () => {
      setUserId('');
      return done();
    },
  });
  const remove = useMutation({
    mutationFn: (uid: string) => call(api.DELETE('/api/v1/cases/{id}/members/{userId}', { params: { path: { id: c.id, userId: uid } } })),
    onSuccess: done,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const roles: CaseRole[] = ['lead', 'member', 'observer'];
  return (
    <Section id="members" title={t('members.title')}>
      <ul className="members">
        {c.members.map((m) => (
          <li key={m.userId}>
            <span>
              <strong>{m.displayName || m.username}</strong> <span className="muted" dir="ltr">({m.username})</span> — {labels.caseRole(m.caseRole)}
              {m.disabled ? <span className="badge badge-closed"> {t('members.disabled')}</span> : null}
            </span>
            {manage ? (
              <button type="button" className="button-quiet" onClick={() => remove.mutate(m.userId)} disabled={remove.isPending}>
                {t('members.remove')}
                <span className="visually-hidden"> {m.username}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={remove.error} />
      {manage ? (
        <form className="form subform" onSubmit={submit} noValidate aria-label={t('members.add')}>
          <h3>{t('members.add')}</h3>
          <div className="row">
            <TextField label={t('members.userId')} hint={t('members.userId.hint')} pointer="/userId" error={add.error} value={userId} onChange={setUserId} required dir="ltr" />
            <SelectField label={t('members.caseRole')} pointer="/caseRole" error={add.error} value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: labels.caseRole(r) }))} />
          </div>
          <ErrorAlert error={add.error} />
          <button type="submit" disabled={add.isPending}>
            {t('members.save')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

function CloseCase({ c }: { c: Case }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () => call(api.POST('/api/v1/cases/{id}/close', { params: { path: { id: c.id } }, body: { version: c.version, reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
  if (!open)
    return (
      <button type="button" className="button-danger" onClick={() => setOpen(true)}>
        {t('case.close')}
      </button>
    );
  return (
    <form
      className="card form"
      noValidate
      aria-label={t('case.close')}
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate();
      }}
    >
      <p>{t('case.close.warning')}</p>
      <TextArea label={t('case.close.reason')} pointer="/reason" error={close.error} value={reason} onChange={setReason} required rows={3} maxLength={2000} />
      <ErrorAlert error={close.error} />
      <div className="actions">
        <button type="submit" className="button-danger" disabled={close.isPending}>
          {t('case.close.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A case: overview, summary, subjects, members, and the actions the case's `abilities` allow. */
export function CaseDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = useCase(id);
  if (q.isPending) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const title = c.view === 'full' ? `${c.reference} — ${c.title}` : c.reference;
  return (
    <Page
      title={title}
      actions={
        c.view === 'full' ? (
          <>
            {can(c, 'case.update') ? (
              <Link className="button" to={`/cases/${c.id}/edit`}>
                {t('case.edit')}
              </Link>
            ) : null}
            {can(c, 'case.close') ? <CloseCase c={c} /> : null}
          </>
        ) : null
      }
    >
      {c.status === 'closed' ? <Notice kind="warning">{t('case.closedNotice')}</Notice> : null}
      {c.view === 'metadata' ? <Notice>{t('case.metadataNotice')}</Notice> : null}
      <Section id="overview" title={t('case.overview')}>
        <Overview c={c} />
        {c.view === 'full' ? (
          <>
            <h3>{t('case.summary')}</h3>
            <p className="prewrap">{c.summary || t('common.none')}</p>
          </>
        ) : null}
      </Section>
      {c.view === 'full' ? (
        <>
          <Subjects c={c} />
          <Members c={c} />
        </>
      ) : null}
      <CaseRequests caseId={c.id} canDraft={c.view === 'full' && c.status === 'open' && can(c, 'case.update')} />
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAbility } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CaseTable } from './CaseTable.tsx';
import { useCaseLabels, useCaseList, useOffences, type CaseStatus, type OffenceId } from './api.ts';

const PAGE_SIZE = 25;

/**
 * Cases I may see, newest first, with filters (status, offence, text) and keyset pagination. Filters and the page
 * cursor live in the URL, so a filtered list can be bookmarked or shared; "previous" walks back the cursors seen.
 */
export function CaseListPage() {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const canCreate = useAbility('case.create');
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as CaseStatus | '';
  const offence = (params.get('offence') ?? '') as OffenceId | '';
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  const [draft, setDraft] = useState({ status, offence, q });
  const [history, setHistory] = useState<string[]>([]);
  const offences = useOffences();
  const list = useCaseList({ status: status || undefined, offence: offence || undefined, q: q || undefined, cursor, limit: PAGE_SIZE });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.status) p.set('status', draft.status);
    if (draft.offence) p.set('offence', draft.offence);
    if (draft.q.trim()) p.set('q', draft.q.trim());
    setHistory([]);
    setParams(p);
  };
  const goTo = (c: string | undefined, back: boolean) => {
    const p = new URLSearchParams(params);
    if (c) p.set('cursor', c);
    else p.delete('cursor');
    setHistory(back ? history.slice(0, -1) : [...history, cursor ?? '']);
    setParams(p);
  };

  return (
    <Page
      title={t('cases.title')}
      actions={
        canCreate ? (
          <Link className="button button-primary" to="/cases/new">
            {t('cases.new')}
          </Link>
        ) : null
      }
    >
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('cases.filters')}>
        <TextField label={t('cases.filter.q')} type="search" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} maxLength={200} />
        <SelectField
          label={t('cases.filter.status')}
          value={draft.status}
          onChange={(v) => setDraft({ ...draft, status: v })}
          options={[
            { value: '' as const, label: t('cases.filter.any') },
            { value: 'open' as const, label: labels.status('open') },
            { value: 'closed' as const, label: labels.status('closed') },
          ]}
        />
        <SelectField
          label={t('cases.filter.offence')}
          value={draft.offence}
          onChange={(v) => setDraft({ ...draft, offence: v })}
          options={[{ value: '' as const, label: t('cases.filter.any') }, ...(offences.data?.items ?? []).map((o) => ({ value: o.id, label: labels.offence(o.id) }))]}
        />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('cases.filter.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft({ status: '', offence: '', q: '' });
              setHistory([]);
              setParams(new URLSearchParams());
            }}
          >
            {t('cases.filter.reset')}
          </button>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p role="status">{t('cases.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? <CaseTable items={list.data.items} caption={t('cases.title')} /> : null}
      <nav className="pager" aria-label={t('cases.page.label')}>
        <button type="button" disabled={!cursor} onClick={() => goTo(history.at(-1) || undefined, true)}>
          {t('cases.page.prev')}
        </button>
        <button type="button" disabled={!list.data?.next} onClick={() => goTo(list.data?.next ?? undefined, false)}>
          {t('cases.page.next')}
        </button>
      </nav>
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { RequestListQuery } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useClockAlerts } from '../notifications/api.ts';
import { useRequestList, useRequestTypes } from './api.ts';
import { useRequestLabels } from './labels.ts';
import { RequestTable } from './RequestTable.tsx';
import { REQUESTED_STATES, REQUESTING_STATES, type Side } from './vocabulary.ts';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

type Open = '' | 'open' | 'closed';

/**
 * The outbox (requests this State sent or is drafting) or the inbox (requests it received), newest first, with
 * filters (state, type, open or closed, reference or title) and keyset pagination. Filters, page size and cursor
 * live in the URL, so a filtered list can be bookmarked; "previous" walks back the cursors seen. Live updates
 * refresh the page in place.
 */
export function RequestListPage({ side }: { side: Side }) {
  const { t, lang, number } = useI18n();
  const labels = useRequestLabels();
  const types = useRequestTypes();
  const alerts = useClockAlerts();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const typeId = params.get('type') ?? '';
  const open = (params.get('open') ?? '') as Open;
  const q = params.get('q') ?? '';
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.find((s) => s === sizeParam) ?? 50;
  const cursor = params.get('cursor') ?? undefined;
  const [draft, setDraft] = useState({ state, typeId, open, q, size: String(size) });
  const [history, setHistory] = useState<string[]>([]);
  const query: RequestListQuery = {
    side,
    limit: size,
    ...(state ? { state } : {}),
    ...(typeId ? { typeId } : {}),
    ...(open ? { open: open === 'open' } : {}),
    ...(q ? { q } : {}),
    ...(cursor ? { cursor } : {}),
  };
  const list = useRequestList(query);
  const title = side === 'requesting' ? t('requests.outgoing') : t('requests.incoming');
  const states = side === 'requesting' ? REQUESTING_STATES : REQUESTED_STATES;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.state) p.set('state', draft.state);
    if (draft.typeId) p.set('type', draft.typeId);
    if (draft.open) p.set('open', draft.open);
    if (draft.q.trim()) p.set('q', draft.q.trim());
    if (draft.size !== '50') p.set('size', draft.size);
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
  const page = history.length + 1;

  return (
    <Page title={title}>
      <p className="muted">{side === 'requesting' ? t('requests.outgoing.intro') : t('requests.incoming.intro')}</p>
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('requests.filters')}>
        <TextField label={t('requests.filter.q')} type="search" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} maxLength={200} />
        <SelectField
          label={t('request.state')}
          value={draft.state}
          onChange={(v) => setDraft({ ...draft, state: v })}
          options={[{ value: '', label: t('cases.filter.any') }, ...states.map((s) => ({ value: s, label: labels.state(s) }))]}
        />
        <SelectField
          label={t('request.type')}
          value={draft.typeId}
          onChange={(v) => setDraft({ ...draft, typeId: v })}
          options={[{ value: '', label: t('cases.filter.any') }, ...(types.data?.items ?? []).map((ty) => ({ value: ty.id, label: ty.title[lang] || ty.title.en }))]}
        />
        <SelectField<Open>
          label={t('requests.filter.open')}
          value={draft.open}
          onChange={(v) => setDraft({ ...draft, open: v })}
          options={[
            { value: '', label: t('cases.filter.any') },
            { value: 'open', label: t('requests.filter.openOnly') },
            { value: 'closed', label: t('requests.filter.closedOnly') },
          ]}
        />
        <SelectField label={t('requests.pageSize')} value={draft.size} onChange={(v) => setDraft({ ...draft, size: v })} options={PAGE_SIZES.map((s) => ({ value: String(s), label: number(s) }))} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('cases.filter.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft({ state: '', typeId: '', open: '', q: '', size: '50' });
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
      {list.data && list.data.items.length === 0 ? <p role="status">{t('requests.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <p className="muted small" role="status">
            {t('requests.page', { page: number(page), count: number(list.data.items.length) })}
          </p>
          <RequestTable items={list.data.items} caption={title} alerts={alerts} />
        </>
      ) : null}
      <nav className="pager" aria-label={t('requests.pages')}>
        <button type="button" disabled={!cursor} onClick={() => goTo(history.at(-1) || undefined, true)}>
          {t('cases.page.prev')}
        </button>
        <button type="button" disabled={!list.data?.next || list.isPlaceholderData} onClick={() => goTo(list.data?.next ?? undefined, false)}>
          {t('cases.page.next')}
        </button>
      </nav>
    </Page>
  );
}

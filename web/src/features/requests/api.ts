import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  call,
  type DraftPatchBody,
  type RequestDetail,
  type RequestEventBody,
  type RequestListQuery,
  type RequestType,
} from '../../api/client.ts';

/**
 * Queries and mutations of the requests screens. Every key starts with `requests`, so one invalidation (a live
 * update, a command) refreshes lists, details and the dashboard together.
 */
export const requestKeys = {
  all: ['requests'] as const,
  types: ['request-types'] as const,
  lists: ['requests', 'list'] as const,
  list: (q: RequestListQuery) => ['requests', 'list', q] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  accessLog: (id: string) => ['requests', 'access-log', id] as const,
  count: (q: RequestListQuery) => ['requests', 'count', q] as const,
};

/** The request types as data (fields, steps, guidance); they change only with the node's version. */
export function useRequestTypes() {
  return useQuery({ queryKey: requestKeys.types, queryFn: () => call(api.GET('/api/v1/request-types')), staleTime: Infinity });
}

/** The type definition a request was drafted under (the node keeps one version per type today). */
export function useRequestType(typeId: string | undefined): { data: RequestType | undefined; isPending: boolean; error: unknown } {
  const q = useRequestTypes();
  return { data: q.data?.items.find((x) => x.id === typeId), isPending: q.isPending, error: q.error };
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: () => call(api.GET('/api/v1/requests/{id}', { params: { path: { id } } })) });
}

/** One page of a list (dashboard panels, a case's requests). */
export function useRequestList(q: RequestListQuery, enabled = true) {
  return useQuery({
    queryKey: requestKeys.list(q),
    enabled,
    queryFn: () => call(api.GET('/api/v1/requests', { params: { query: q } })),
    // Keep showing the previous page while the next one loads (no flash of an empty table).
    placeholderData: (prev) => prev,
  });
}

const COUNT_LIMIT = 200;

/** How many requests match, up to 200 (the API has no count endpoint: "more than 200" beyond). */
export function useRequestCount(q: RequestListQuery, enabled = true) {
  return useQuery({
    queryKey: requestKeys.count(q),
    enabled,
    queryFn: async () => {
      const r = await call(api.GET('/api/v1/requests', { params: { query: { ...q, limit: COUNT_LIMIT } } }));
      return { n: r.items.length, more: r.next !== null, items: r.items };
    },
  });
}

/** Puts a fresh request view into the cache and marks every list stale. */
function useStore() {
  const qc = useQueryClient();
  return (r: RequestDetail) => {
    qc.setQueryData(requestKeys.detail(r.id), r);
    void qc.invalidateQueries({ queryKey: requestKeys.lists });
    void qc.invalidateQueries({ queryKey: ['requests', 'count'] });
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** Changes a draft (fields: a value sets, null clears; absent fields stay). */
export function usePatchDraft(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: DraftPatchBody) => call(api.PATCH('/api/v1/requests/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

/** Applies a lifecycle event (the detail's `commands` lists those allowed now). */
export function useCommand(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: RequestEventBody) => call(api.POST('/api/v1/requests/{id}/events', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({ queryKey: requestKeys.accessLog(id), enabled, queryFn: () => call(api.GET('/api/v1/requests/{id}/access-log', { params: { path: { id } } })) });
}

/** Where the formal letter of a request is served (opened in a new tab: the browser's PDF viewer). */
export const letterUrl = (id: string): string => `/api/v1/requests/${encodeURIComponent(id)}/letter.pdf`;

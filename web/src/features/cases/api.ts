import { useQuery } from '@tanstack/react-query';
import { api, call, type CaseListItem } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type OffenceId = CaseListItem['offences'][number];
export type CaseStatus = CaseListItem['status'];
export type CaseRole = NonNullable<CaseListItem['myRole']>;

export interface CaseFilters {
  status?: CaseStatus;
  offence?: OffenceId;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilters) => ['cases', 'list', f] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  offences: ['offences'] as const,
};

export function useCaseList(f: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(f),
    queryFn: () => call(api.GET('/api/v1/cases', { params: { query: { ...f, q: f.q || undefined } } })),
    placeholderData: (prev) => prev,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })) });
}

export function useOffences() {
  return useQuery({ queryKey: caseKeys.offences, queryFn: () => call(api.GET('/api/v1/offences')), staleTime: Infinity });
}

/** Labels of the closed vocabularies of the cases module, in the current language. */
export function useCaseLabels() {
  const { t } = useI18n();
  return {
    offence: (id: OffenceId) => t(`offence.${id}` satisfies MessageKey),
    status: (s: CaseStatus) => t(`case.status.${s}` satisfies MessageKey),
    caseRole: (r: CaseRole) => t(`caseRole.${r}` satisfies MessageKey),
  };
}

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call, type Directory } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';

export const directoryKey = ['directory'] as const;

/**
 * The federation directory this node accepted (States, their nodes, languages, declarations). `null` when the
 * node has none yet (404): screens then fall back to typing a State code.
 */
export function useDirectory() {
  return useQuery({
    queryKey: directoryKey,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Directory | null> => {
      try {
        return await call(api.GET('/api/v1/directory'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** State code → name, from the directory (empty until it is loaded). */
export function useStateNames(): ReadonlyMap<string, string> {
  const d = useDirectory();
  return useMemo(() => new Map(Object.entries(d.data?.states ?? {}).map(([code, s]) => [code, s.name])), [d.data]);
}

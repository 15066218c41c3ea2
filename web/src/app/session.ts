import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, call, type SessionInfo } from '../api/client.ts';

export const SESSION_KEY = ['session'] as const;

/** Who is logged in, with the node-wide abilities the server computed; `null` when nobody is. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await call(api.GET('/api/v1/auth/session'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The session of a screen inside the shell (the shell renders nothing until it is known). */
export function useCurrentSession(): SessionInfo {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession outside a logged-in screen');
  return data;
}

/** Whether the server said this user may do `ability` (menus and buttons only: the server still checks). */
export function useAbility(ability: string | undefined): boolean {
  const { data } = useSession();
  return ability === undefined || (data?.abilities.includes(ability) ?? false);
}

let deliberate = false;

/**
 * Forgets everything cached for the previous user and marks the session as ended. `deliberate`: the user logged
 * out, so the login screen opens plain (no `next` to come back to); otherwise (expired, revoked) it remembers where
 * the user was.
 */
export function endSession(qc: QueryClient, opts: { deliberate?: boolean } = {}): void {
  deliberate = opts.deliberate ?? false;
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  qc.setQueryData(SESSION_KEY, null);
}

/** Whether the last session ended because the user logged out. */
export function endedDeliberately(): boolean {
  return deliberate;
}

export function useEndSession(): (opts?: { deliberate?: boolean }) => void {
  const qc = useQueryClient();
  return (opts) => endSession(qc, opts);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** One change pushed by the node (`event: change` on GET /api/v1/requests/live). */
export interface LiveChange {
  requestId: string;
  state: string;
  event: string;
}

export const LIVE_URL = '/api/v1/requests/live';

/** Parses the data of a `change` event; anything else (a proxy's page, a future shape) is ignored. */
export function parseChange(data: unknown): LiveChange | null {
  if (typeof data !== 'string') return null;
  try {
    const v: unknown = JSON.parse(data);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.requestId !== 'string' || typeof o.state !== 'string' || typeof o.event !== 'string') return null;
    return { requestId: o.requestId, state: o.state, event: o.event };
  } catch {
    return null;
  }
}

export type LiveStatus = 'connecting' | 'open' | 'closed';

/**
 * Keeps one Server-Sent Events stream open while a user is logged in and refreshes what a change touches: the
 * request's detail and access log, every request list and count, and the notifications. The stream carries ids
 * only; the screens re-read through the API, which checks what this user may see. The browser reconnects by
 * itself after a network error (the node sends `retry: 3000`); when the node refuses the stream (the session
 * ended), it is retried with a growing delay, and the usual 401 handling of the next API call logs the user out.
 * `onChange` must be stable (useCallback): a new function reopens the stream.
 */
export function useLiveUpdates(enabled: boolean, onChange?: (c: LiveChange) => void): LiveStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 2_000;
    let stopped = false;
    const open = () => {
      if (stopped) return;
      setStatus('connecting');
      source = new EventSource(LIVE_URL, { withCredentials: true });
      source.addEventListener('open', () => {
        delay = 2_000;
        setStatus('open');
        // Whatever changed while the stream was down.
        void qc.invalidateQueries({ queryKey: ['requests'] });
        void qc.invalidateQueries({ queryKey: ['notifications'] });
      });
      source.addEventListener('change', (ev) => {
        const c = parseChange((ev as MessageEvent).data);
        if (!c) return;
        void qc.invalidateQueries({ queryKey: ['requests'] });
        void qc.invalidateQueries({ queryKey: ['notifications'] });
        onChange?.(c);
      });
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) {
          setStatus('connecting');
          return;
        }
        setStatus('closed');
        source = null;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 60_000);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, qc, onChange]);
  return status;
}

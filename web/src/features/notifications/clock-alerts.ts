/**
 * Legal-clock alerts from notifications, for lists and the dashboard (the list API carries no clocks). Pure.
 */
/** A notification as far as clock alerts are concerned (the generated `Notification` has these fields). */
export interface NotificationLike {
  kind: string;
  requestId: string | null;
  dueAt: string | null;
  createdAt: string;
}

export type ClockAlert = 'overdue' | 'due_soon';

/**
 * Requests with a legal clock due soon or overdue, from my notifications (the list API carries no clocks): the
 * newest reminder per request wins. A marker in a list, never the legal truth — the request's clocks are.
 */
export function clockAlerts(items: readonly NotificationLike[]): Map<string, { alert: ClockAlert; dueAt: string | null }> {
  const out = new Map<string, { alert: ClockAlert; dueAt: string | null; at: string }>();
  for (const n of items) {
    if (!n.requestId || (n.kind !== 'clock_overdue' && n.kind !== 'clock_due_soon')) continue;
    const prev = out.get(n.requestId);
    if (prev && prev.at >= n.createdAt) continue;
    out.set(n.requestId, { alert: n.kind === 'clock_overdue' ? 'overdue' : 'due_soon', dueAt: n.dueAt, at: n.createdAt });
  }
  return new Map([...out].map(([k, v]) => [k, { alert: v.alert, dueAt: v.dueAt }]));
}

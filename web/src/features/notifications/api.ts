import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../api/client.ts';
import { clockAlerts } from './clock-alerts.ts';

export type { ClockAlert } from './clock-alerts.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'all'] as const,
};

/** My unread notifications (the bell), refreshed by live updates and every minute as a fallback. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 200 } } })),
    refetchInterval: 60_000,
  });
}

/** My latest notifications, read or not. */
export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.list, queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { limit: 200 } } })) });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useClockAlerts() {
  const q = useNotifications();
  return useMemo(() => clockAlerts(q.data?.items ?? []), [q.data]);
}

import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditAlertsPage, AuditPage } from '@common/schemas/audit.js';
import { api } from '@web/lib/api-client';

/** The review's filters as the address bar and the API name them; empty ones are left out. */
export interface AuditFilterValues {
  person: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_KEYS = ['person', 'actor', 'action', 'from', 'to'] as const;

export function filterParams(filters: AuditFilterValues, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

export const auditExportHref = (filters: AuditFilterValues, format: 'xlsx' | 'csv') => `/api/audit/export?${filterParams(filters, { format })}`;

export function useAuditSearch(filters: AuditFilterValues) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam }) => api<AuditPage>(`/audit/events?${filterParams(filters, pageParam ? { cursor: pageParam } : {})}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

export function useAuditAlerts() {
  return useInfiniteQuery({
    queryKey: ['audit', 'alerts'],
    queryFn: ({ pageParam }) => api<AuditAlertsPage>(`/audit/alerts${pageParam ? `?cursor=${pageParam}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupportDeskView, SupportQueueItem, SupportRequestView, SupportStats } from '@common/schemas/support.js';
import { ApiError, api, del, post, put } from '@web/lib/api-client';

export interface SupportPrefill {
  lastName: string;
  firstName: string;
  email: string;
  regionId: number | null;
  children: Array<{ id: string; name: string }>;
  events: Array<{ id: string; title: string; startsAt: string }>;
  organisations: Array<{ id: string; name: string }>;
}

export function usePrefill(enabled: boolean) {
  return useQuery({ queryKey: ['support', 'prefill'], queryFn: () => api<SupportPrefill>('/support/prefill'), enabled });
}

const NETWORK_MESSAGE = 'Нет связи с сервером. Проверьте интернет и попробуйте ещё раз';

/** The form with its files as multipart/form-data; fields first, files last, as the server reads them. */
export async function sendRequest(fields: Record<string, string>, files: File[]): Promise<{ id: string; number: string; status: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== '') form.append(name, value);
  for (const file of files) form.append('files', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/support/requests', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: form });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const data = (await response.json().catch(() => undefined)) as
    | { id: string; number: string; status: string; error?: { code?: string; message?: string; fields?: Record<string, string> } }
    | undefined;
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'unknown', data?.error?.message ?? 'Что-то пошло не так. Попробуйте чуть позже', data?.error?.fields ?? {});
  return data!;
}

const myKey = ['support', 'my'] as const;

export function useMyRequests() {
  return useQuery({ queryKey: myKey, queryFn: () => api<{ items: SupportRequestView[] }>('/support/my'), select: (d) => d.items });
}

export function useReplyToMine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string; text: string }) => post<SupportRequestView>(`/support/my/${vars.id}/messages`, { text: vars.text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myKey }),
  });
}

export function useRequestByLink(token: string) {
  return useQuery({ queryKey: ['support', 'link', token], queryFn: () => api<SupportRequestView>(`/support/by-link/${token}`), retry: false });
}

export function useReplyByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => post<SupportRequestView>(`/support/by-link/${token}/messages`, { text }),
    onSuccess: (view) => queryClient.setQueryData(['support', 'link', token], view),
  });
}

// ——— the desk ———

export interface DeskFilters {
  status: string | null;
  topic: string | null;
  region: string | null;
  rule: string | null;
  assignee: string | null;
}

function filtersQuery(filters: DeskFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '30' });
  if (filters.status) params.set('status', filters.status);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.region === 'none') params.set('region', 'none');
  else if (filters.region) params.set('regionId', filters.region);
  if (filters.rule) params.set('rule', filters.rule);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function useQueue(filters: DeskFilters, cursor: string | null) {
  const query = filtersQuery(filters, cursor);
  return useQuery({
    queryKey: ['support', 'desk', 'queue', query],
    queryFn: () => api<{ items: SupportQueueItem[]; nextCursor: string | null }>(`/support/desk/queue?${query}`),
    placeholderData: keepPreviousData,
  });
}

export interface DeskReference {
  operators: Array<{ id: string; name: string }>;
  rules: Array<{ code: string; label: string }>;
  sla: { workingHours: number; label: string };
}

export function useDeskReference() {
  return useQuery({ queryKey: ['support', 'desk', 'reference'], queryFn: () => api<DeskReference>('/support/desk/reference'), staleTime: 5 * 60_000 });
}

export function useFigures(days: number) {
  return useQuery({ queryKey: ['support', 'desk', 'figures', days], queryFn: () => api<SupportStats>(`/support/desk/figures?days=${days}`) });
}

const deskRequestKey = (id: string) => ['support', 'desk', 'request', id] as const;

export function useDeskRequest(id: string) {
  return useQuery({ queryKey: deskRequestKey(id), queryFn: () => api<SupportDeskView>(`/support/desk/requests/${id}`) });
}

/** Every change at the desk answers with the request as it now is; the queue and figures are refreshed. */
export function useDeskAction<V>(id: string, call: (vars: V) => Promise<SupportDeskView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (view) => {
      queryClient.setQueryData(deskRequestKey(id), view);
      if (view.id !== id) queryClient.setQueryData(deskRequestKey(view.id), view);
      await queryClient.invalidateQueries({ queryKey: ['support', 'desk', 'queue'] });
      await queryClient.invalidateQueries({ queryKey: ['support', 'desk', 'figures'] });
    },
  });
}

export const deskCalls = (id: string) => ({
  answer: (vars: { text: string; status: 'answered' | 'waiting_requester' }) => post<SupportDeskView>(`/support/desk/requests/${id}/answers`, vars),
  note: (text: string) => post<SupportDeskView>(`/support/desk/requests/${id}/notes`, { text }),
  status: (status: string) => post<SupportDeskView>(`/support/desk/requests/${id}/status`, { status }),
  assign: (assigneeId: string | null) => post<SupportDeskView>(`/support/desk/requests/${id}/assignee`, { assigneeId }),
  merge: (intoId: string) => post<SupportDeskView>(`/support/desk/requests/${id}/merge`, { intoId }),
  intake: (vars: { decision: 'accept' | 'protected_secret'; reason: string }) => post<SupportDeskView>(`/support/desk/requests/${id}/intake`, vars),
});

export interface SupportTemplate {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

const templatesKey = ['support', 'desk', 'templates'] as const;

export function useTemplates() {
  return useQuery({ queryKey: templatesKey, queryFn: () => api<{ items: SupportTemplate[] }>('/support/desk/templates'), select: (d) => d.items });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string | null; title: string; body: string }) =>
      vars.id ? put(`/support/desk/templates/${vars.id}`, { title: vars.title, body: vars.body }) : post('/support/desk/templates', { title: vars.title, body: vars.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => del(`/support/desk/templates/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }) });
}

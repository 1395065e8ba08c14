import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  OpportunityCard,
  OpportunityImportPreview,
  OpportunityImportResult,
  StaffOpportunityDetail,
  StaffOpportunitySummary,
} from '@common/guidance.js';
import type { ListPage } from '@common/schemas/lists.js';
import { api, post, put, uploadFile } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';
import { useInvalidatingMutation } from '@web/lib/mutations';

export const opportunitiesKey = ['staff-opportunities'] as const;

export type StaffOpportunity = StaffOpportunityDetail & { editable: boolean };

export function useStaffOpportunities(state: ListState) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...opportunitiesKey, 'list', query],
    queryFn: () => api<ListPage<StaffOpportunitySummary>>(`/staff/opportunities?${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useStaffOpportunity(id: string) {
  return useQuery({ queryKey: [...opportunitiesKey, 'one', id], queryFn: () => api<StaffOpportunity>(`/staff/opportunities/${id}`) });
}

/** The card families open; any signed-in person reads a published one. */
export function useOpportunityCard(id: string) {
  return useQuery({ queryKey: ['opportunity-card', id], queryFn: () => api<OpportunityCard>(`/opportunities/${id}`) });
}

export function useCreateOpportunity() {
  return useInvalidatingMutation((body: unknown) => post<StaffOpportunity>('/staff/opportunities', body), [opportunitiesKey]);
}

export function useUpdateOpportunity(id: string) {
  return useInvalidatingMutation((body: unknown) => put<StaffOpportunity>(`/staff/opportunities/${id}`, body), [opportunitiesKey]);
}

export function useArchiveOpportunity(id: string) {
  return useInvalidatingMutation(() => post<StaffOpportunity>(`/staff/opportunities/${id}/archive`), [opportunitiesKey]);
}

export const previewImport = (file: File, onProgress: (fraction: number) => void) =>
  uploadFile<OpportunityImportPreview>('/staff/opportunities/import/preview', file, {}, onProgress);

export function useConfirmImport() {
  return useInvalidatingMutation(
    ({ file, sha256 }: { file: File; sha256: string }) => uploadFile<OpportunityImportResult>(`/staff/opportunities/import?sha256=${sha256}`, file),
    [opportunitiesKey],
  );
}

export const TEMPLATE_URL = '/api/staff/opportunities/import/template';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListPage } from '@common/schemas/lists.js';
import type { ImportBatchSummary, ImportBatchView } from '@common/schemas/participants.js';
import { api, del, post, uploadFile } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';

const importsKey = ['imports'] as const;
const oneKey = (id: string) => [...importsKey, 'one', id] as const;

export type SpreadsheetFormat = 'xlsx' | 'csv';

export const templateUrl = (format: SpreadsheetFormat) => `/api/imports/template?format=${format}`;
export const reportUrl = (id: string, format: SpreadsheetFormat) => `/api/imports/${id}/report?format=${format}`;

/** While the job writes, the page asks for progress every second; otherwise the import does not change by itself. */
const PROGRESS_POLL_MS = 1000;

export function useImport(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: () => api<ImportBatchView>(`/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? PROGRESS_POLL_MS : false),
  });
}

export function useImportHistory(state: ListState) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...importsKey, 'list', query],
    queryFn: () => api<ListPage<ImportBatchSummary>>(`/imports?${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { file: File; onProgress: (fraction: number) => void }) => uploadFile<ImportBatchView>('/imports', vars.file, {}, vars.onProgress),
    onSuccess: (batch) => {
      queryClient.setQueryData(oneKey(batch.id), batch);
      return queryClient.invalidateQueries({ queryKey: [...importsKey, 'list'] });
    },
  });
}

/** Confirming or cancelling changes the import and the history; confirmed pupils appear in the lists. */
function useImportAction(action: (id: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => Promise.all([importsKey, ['participants']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useConfirmImport = () => useImportAction((id) => post<ImportBatchView>(`/imports/${id}/confirm`));
export const useCancelImport = () => useImportAction((id) => del(`/imports/${id}`));

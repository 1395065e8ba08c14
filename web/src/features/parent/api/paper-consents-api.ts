import { useQuery } from '@tanstack/react-query';
import type { ListPage } from '@common/schemas/lists.js';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { api } from '@web/lib/api-client';

/** The scans a child's school marked as this child's, newest first; a family has a handful at most. */
export function useChildPaperConsents(childId: string) {
  const query = new URLSearchParams({ participantId: childId, sort: 'uploadedAt', order: 'desc', pageSize: '100' }).toString();
  return useQuery({
    queryKey: ['paper-consents', 'child', childId],
    queryFn: () => api<ListPage<PaperConsentView>>(`/paper-consents?${query}`),
    select: (data) => data.items,
  });
}

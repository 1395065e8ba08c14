import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PlanBulkAction,
  PlanBulkResult,
  PlanQueuePage,
  StudyPlanEdit,
  StudyPlanEditorView,
} from '@common/schemas/study-plans.js';
import { api, post, put } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';
import { useInvalidatingMutation } from '@web/lib/mutations';

export const studyPlansKey = ['study-plans'] as const;
const editorKey = (pupilId: string) => [...studyPlansKey, 'editor', pupilId] as const;

export function usePlanQueue(state: ListState) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...studyPlansKey, 'queue', query],
    queryFn: () => api<PlanQueuePage>(`/staff/study-plans?${query}`),
    placeholderData: keepPreviousData,
  });
}

export function usePlanEditor(pupilId: string) {
  return useQuery({ queryKey: editorKey(pupilId), queryFn: () => api<StudyPlanEditorView>(`/staff/study-plans/${pupilId}`) });
}

export function useSavePlan(pupilId: string) {
  return useInvalidatingMutation((body: StudyPlanEdit) => put<StudyPlanEditorView>(`/staff/study-plans/${pupilId}/draft`, body), [studyPlansKey]);
}

export function usePublishPlan(pupilId: string) {
  return useInvalidatingMutation(
    (content: StudyPlanEdit) => post<StudyPlanEditorView>(`/staff/study-plans/${pupilId}/publish`, { content }),
    [studyPlansKey],
  );
}

export const runBulk = (action: PlanBulkAction, participantIds: string[]) => post<PlanBulkResult>('/staff/study-plans/bulk', { action, participantIds });

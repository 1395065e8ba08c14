import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishedPlan, Recommendations, StudyPlanView } from '@common/guidance.js';
import { api, del, post, put } from '@web/lib/api-client';
import { diagnosticsKey } from '@web/lib/diagnostics-catalogue';

/** Whose recommendations and plan: the pupil's own, or a linked parent's child. */
export type Subject = { kind: 'self' } | { kind: 'child'; childId: string };

export const guidanceKey = ['guidance'] as const;

const base = (subject: Subject) => (subject.kind === 'self' ? '' : `/pupils/${subject.childId}`);
const recommendationsPath = (subject: Subject) => (subject.kind === 'self' ? '/recommendations/me' : `${base(subject)}/recommendations`);
const planPath = (subject: Subject) => (subject.kind === 'self' ? '/study-plan/me' : `${base(subject)}/study-plan`);
const subjectKey = (subject: Subject) => (subject.kind === 'self' ? 'me' : subject.childId);

export function useRecommendations(subject: Subject) {
  return useQuery({
    queryKey: [...guidanceKey, 'recommendations', subjectKey(subject)],
    queryFn: () => api<Recommendations>(recommendationsPath(subject)),
  });
}

export type DismissalKind = 'test' | 'event' | 'opportunity' | 'profession';
export interface Dismissal {
  kind: DismissalKind;
  itemId: string;
}

/** «Не интересно» and its undo: either way the list is read afresh, as the server re-ranks it. */
export function useDismissal() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...guidanceKey, 'recommendations'] });
  // Only the kind and id go to the server: the caller's target may carry more (its title for the notice).
  const dismiss = useMutation({ mutationFn: ({ kind, itemId }: Dismissal) => post('/recommendations/me/dismissals', { kind, itemId }), onSuccess: refresh });
  const undo = useMutation({
    mutationFn: (d: Dismissal) => del(`/recommendations/me/dismissals/${d.kind}/${encodeURIComponent(d.itemId)}`),
    onSuccess: refresh,
  });
  return { dismiss, undo };
}

export function useStudyPlan(subject: Subject) {
  return useQuery({
    queryKey: [...guidanceKey, 'plan', subjectKey(subject)],
    queryFn: () => api<StudyPlanView>(planPath(subject)),
  });
}

/** An older published version, fetched only when chosen. */
export function usePlanVersion(subject: Subject, version: number | null) {
  return useQuery({
    queryKey: [...guidanceKey, 'plan', subjectKey(subject), 'version', version],
    queryFn: () => api<PublishedPlan>(`${planPath(subject)}/versions/${version}`),
    enabled: version !== null,
  });
}

export const planPdfUrl = (subject: Subject, version: number) => `/api${planPath(subject)}/pdf?version=${version}`;

const myPlanKey = [...guidanceKey, 'plan', 'me'] as const;

/**
 * Ticks a goal at once on screen, as a checkbox should, and puts it back if the server refuses;
 * the plan is read afresh either way.
 */
export function useTickStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stepId, done }: { stepId: string; done: boolean }) => put(`/study-plan/me/steps/${encodeURIComponent(stepId)}`, { done }),
    onMutate: async ({ stepId, done }) => {
      await queryClient.cancelQueries({ queryKey: myPlanKey });
      const before = queryClient.getQueryData<StudyPlanView>(myPlanKey);
      if (before) {
        const others = before.stepsDone.filter((s) => s.stepId !== stepId);
        queryClient.setQueryData<StudyPlanView>(myPlanKey, { ...before, stepsDone: done ? [...others, { stepId, doneAt: new Date().toISOString() }] : others });
      }
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(myPlanKey, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: myPlanKey }),
  });
}

/** Starts a recommended test (or reopens the attempt already begun), as the diagnostics catalogue does. */
export function useStartTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => post<{ attemptId: string; resumed: boolean }>(`/diagnostics/tests/${encodeURIComponent(slug)}/attempts`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: diagnosticsKey, refetchType: 'none' }),
  });
}

export const attemptPath = (attemptId: string) => `/participant/diagnostics/attempts/${attemptId}`;

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { DefinitionItem, GameType } from '@common/diagnostics/definition.js';
import type { FootprintDirection } from '@common/diagnostics/dimensions.js';
import type { ScaleResult } from '@common/diagnostics/results.js';
import { api, post, put } from '@web/lib/api-client';
import { catalogueKey, diagnosticsKey, type TestKind } from '@web/lib/diagnostics-catalogue';

export interface Attempt {
  id: string;
  status: 'in_progress' | 'completed';
  startedAt: string;
  test: {
    slug: string;
    kind: TestKind;
    title: string;
    summary: string;
    description: string;
    instructions: string | null;
    durationMinutes: number;
    gameType: GameType | null;
    items: DefinitionItem[];
  };
  answers: Record<string, AnswerValue>;
  stimulus: unknown;
}

export interface ResultSummary {
  attemptId: string;
  slug: string;
  kind: TestKind;
  title: string;
  version: number;
  completedAt: string;
  scales: Array<{ id: string; title: string; score: number; level: string }>;
}

export interface NextTest {
  slug: string;
  title: string;
  summary: string;
  durationMinutes: number;
}

export interface ResultDetail {
  attemptId: string;
  slug: string;
  kind: TestKind;
  title: string;
  completedAt: string;
  scales: Array<ScaleResult & { description: string | null }>;
  gameSummary: Record<string, number> | null;
  nextTests: NextTest[];
  attemptsOfThisTest: Array<{ attemptId: string; completedAt: string }>;
}

export interface FootprintDimension {
  key: string;
  kind: string;
  name: string;
  value: number;
  sources: number;
}

export interface Footprint {
  directions: Array<{ key: FootprintDirection; label: string; value: number | null; dimensions: FootprintDimension[] }>;
  awarenessLevel: { code: string; name: string; text: string } | null;
  sources: number;
  history: Array<{ recordedAt: string; directions: Partial<Record<FootprintDirection, number | null>> }>;
}

const attemptKey = (attemptId: string) => [...diagnosticsKey, 'attempt', attemptId] as const;
const pupilKey = (pupilId: string) => [...diagnosticsKey, 'pupil', pupilId] as const;


/** Starts a test, or gives back the attempt already open for it. */
export function useStartAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => post<{ attemptId: string; resumed: boolean }>(`/diagnostics/tests/${encodeURIComponent(slug)}/attempts`),
    // Marked only: the page moves on at once, and the catalogue is read afresh when next shown.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey, refetchType: 'none' }),
  });
}

/** Read once per visit: the runner keeps the answers itself from then on, and a game's stimulus must not change under the pupil. */
export function useAttempt(attemptId: string) {
  return useQuery({
    queryKey: attemptKey(attemptId),
    queryFn: () => api<Attempt>(`/diagnostics/attempts/${attemptId}`),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function saveAnswer(attemptId: string, itemId: string, value: AnswerValue) {
  return put<{ saved: true }>(`/diagnostics/attempts/${attemptId}/answers/${encodeURIComponent(itemId)}`, { value });
}

/**
 * After a test or game ends, the catalogue, the results and the footprint all changed. They are
 * marked, not fetched now: the runner goes straight to the result, and each is read again when shown.
 */
function useFinish<V>(mutationFn: (vars: V) => Promise<{ attemptId: string; completedAt: string }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: diagnosticsKey, refetchType: 'none' }),
  });
}

export function useCompleteAttempt(attemptId: string) {
  return useFinish((_: void) => post<{ attemptId: string; completedAt: string }>(`/diagnostics/attempts/${attemptId}/complete`));
}

export function useSubmitGame(attemptId: string) {
  return useFinish((events: unknown) => post<{ attemptId: string; completedAt: string }>(`/diagnostics/attempts/${attemptId}/game`, { events }));
}

export function usePupilResults(pupilId: string | undefined) {
  return useQuery({
    queryKey: [...pupilKey(pupilId ?? ''), 'results'],
    queryFn: () => api<{ results: ResultSummary[] }>(`/pupils/${pupilId}/diagnostics/results`),
    enabled: Boolean(pupilId),
    select: (data) => data.results,
  });
}

export function usePupilResult(pupilId: string | undefined, attemptId: string | undefined) {
  return useQuery({
    queryKey: [...pupilKey(pupilId ?? ''), 'result', attemptId ?? ''],
    queryFn: () => api<ResultDetail>(`/pupils/${pupilId}/diagnostics/results/${attemptId}`),
    enabled: Boolean(pupilId && attemptId),
  });
}

export function useFootprint(pupilId: string | undefined) {
  return useQuery({
    queryKey: [...pupilKey(pupilId ?? ''), 'footprint'],
    queryFn: () => api<Footprint>(`/pupils/${pupilId}/footprint`),
    enabled: Boolean(pupilId),
  });
}

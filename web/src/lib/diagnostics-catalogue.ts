import { useQuery } from '@tanstack/react-query';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import type { DiagnosticStage, StageProgress } from '@common/diagnostics/stages.js';
import { api } from './api-client';

export type TestKind = 'test' | 'game';

export interface CatalogueTest {
  slug: string;
  kind: TestKind;
  title: string;
  summary: string;
  durationMinutes: number;
  itemCount: number;
  adapted: boolean;
  /** Null for a test its author placed on no stage. */
  stage: DiagnosticStage | null;
  openAttemptId: string | null;
  completedCount: number;
  lastCompletedAt: string | null;
  lastAttemptId: string | null;
  /** Set while a retake must wait; null once it may be taken again (or was never taken). */
  retakeAvailableAt: string | null;
}

export interface Catalogue {
  gradeBand: GradeBand;
  tests: CatalogueTest[];
  stages: StageProgress[];
  /** Why the pupil cannot take tests now (the parents withdrew consent), or null when it can. */
  closedReason?: string | null;
}

/** Every diagnostics query sits under one root, so a finished attempt refreshes the catalogue and the cabinets. */
export const diagnosticsKey = ['diagnostics'] as const;
export const catalogueKey = [...diagnosticsKey, 'catalogue'] as const;

export function useCatalogue() {
  return useQuery({ queryKey: catalogueKey, queryFn: () => api<Catalogue>('/diagnostics/catalogue') });
}

import { useMutation, useQuery } from '@tanstack/react-query';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import type { ScaleStatistic } from '@common/diagnostics/statistics.js';
import { ApiError, api, post } from '@web/lib/api-client';
import { useInvalidatingMutation } from '@web/lib/mutations';

export type TestStatus = 'draft' | 'published' | 'retired';
export type VersionStatus = 'draft' | 'published' | 'superseded';

/** One row of the workbench list: a test or game with its newest version. */
export interface WorkbenchTest {
  id: number;
  slug: string;
  kind: 'test' | 'game';
  status: TestStatus;
  publishedVersion: number | null;
  latestVersion: number;
  latestStatus: VersionStatus;
  title: string;
  gradeBands: GradeBand[];
  itemCount: number;
  ovzVariantOf: string | null;
  updatedAt: string;
  completedAttempts: number;
}

export interface WorkbenchVersion {
  id: number;
  version: number;
  status: VersionStatus;
  itemCount: number;
  createdAt: string;
  publishedAt: string | null;
  fromCatalogue: boolean;
  completedAttempts: number;
}

export interface WorkbenchTestCard {
  id: number;
  slug: string;
  kind: 'test' | 'game';
  status: TestStatus;
  versions: WorkbenchVersion[];
  latest: { id: number; version: number; status: VersionStatus; source: string; definition: TestDefinition } | null;
}

export interface SavedDefinition {
  testId: number;
  versionId: number;
  version: number;
  slug: string;
}

export interface TestStatistics {
  versionId: number;
  version: number;
  attempts: number;
  needed: number;
  enough: boolean;
  scales: ScaleStatistic[];
  norms: BandNorms[];
  /** First attempts in a band before its norms come from the platform's data. */
  normsNeeded: number;
}

/** Which norms a band of the version is scored on now. */
export interface BandNorms {
  gradeBand: string;
  source: 'platform' | 'provisional' | 'none';
  firstAttempts: number;
  sampleSize: number | null;
  computedAt: string | null;
}

/** One problem of a definition as the server places it: line and column from 1, the field as a dotted path. */
export interface DefinitionError {
  line: number | null;
  column: number | null;
  field: string;
  message: string;
}

/** The server refused a definition; every error carries its line and field. */
export class DefinitionInvalidError extends ApiError {
  constructor(
    message: string,
    readonly errors: DefinitionError[],
  ) {
    super(422, 'definition_invalid', message);
    this.name = 'DefinitionInvalidError';
  }
}

/** POSTs to the workbench, turning a refused definition into an error that carries its lines. */
async function send<T>(path: string, body?: unknown): Promise<T> {
  try {
    return await post<T>(path, body);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'definition_invalid') {
      throw new DefinitionInvalidError(err.message, (err.details as { errors?: DefinitionError[] } | undefined)?.errors ?? []);
    }
    throw err;
  }
}

const workbenchKey = ['diagnostics-workbench'] as const;
const testKey = (testId: number) => [...workbenchKey, testId] as const;

export function useWorkbenchTests<R>(select: (tests: WorkbenchTest[]) => R) {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: () => api<{ tests: WorkbenchTest[] }>('/diagnostics/definitions'),
    select: (data) => select(data.tests),
  });
}

export function useWorkbenchTest(testId: number) {
  return useQuery({
    queryKey: testKey(testId),
    queryFn: () => api<WorkbenchTestCard>(`/diagnostics/definitions/${testId}`),
  });
}

export function useTestStatistics(testId: number, versionId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [...testKey(testId), 'statistics', versionId],
    queryFn: () => api<TestStatistics>(`/diagnostics/definitions/${testId}/statistics${versionId === null ? '' : `?versionId=${versionId}`}`),
    enabled,
  });
}

/** Checks a definition without saving it; the answer is the definition as the server reads it. */
export function useValidateDefinition() {
  return useMutation({
    mutationFn: (source: string) => send<{ definition: TestDefinition }>('/diagnostics/definitions/validate', { source }).then((r) => r.definition),
  });
}

/** Saves the source as its test's draft (a new test for a new slug). */
export function useSaveDefinition() {
  return useInvalidatingMutation((source: string) => send<SavedDefinition>('/diagnostics/definitions', { source }), [workbenchKey]);
}

export function usePublishVersion(testId: number) {
  return useInvalidatingMutation((versionId: number) => send(`/diagnostics/definitions/${testId}/versions/${versionId}/publish`), [workbenchKey]);
}

/** Takes the test out of the catalogue (`retire`) or puts it back (`restore`). */
export function useSetRetired(testId: number) {
  return useInvalidatingMutation((action: 'retire' | 'restore') => send(`/diagnostics/definitions/${testId}/${action}`), [workbenchKey]);
}

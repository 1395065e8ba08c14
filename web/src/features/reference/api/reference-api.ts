import { useQuery } from '@tanstack/react-query';
import type { AwarenessLevelInput, CompetencyCreate, CompetencyUpdate, SoftSkillUpdate } from '@common/schemas/reference.js';
import type { ProfessionView } from '@common/guidance.js';
import type { ProfessionInput, ProfessionUpdate } from '@common/schemas/opportunities.js';
import { api, patch, post, put } from '@web/lib/api-client';
import { useInvalidatingMutation } from '@web/lib/mutations';

export interface SoftSkill {
  id: number;
  code: string;
  name: string;
  description: string;
}

export interface AwarenessLevel {
  id: number;
  code: string;
  name: string;
  minScore: number;
  maxScore: number;
  pupilText: string;
  parentText: string;
}

export function useSoftSkills() {
  return useQuery({
    queryKey: ['reference', 'soft-skills'],
    queryFn: () => api<{ softSkills: SoftSkill[] }>('/reference/soft-skills'),
    select: (data) => data.softSkills,
  });
}

export function useAwarenessLevels() {
  return useQuery({
    queryKey: ['reference', 'awareness-levels'],
    queryFn: () => api<{ levels: AwarenessLevel[] }>('/reference/awareness-levels'),
    select: (data) => data.levels,
  });
}

// Every picker that names a sphere, a competency or a skill reads the same lists: all of them refresh.
const referenceKeys = [['reference', 'competencies'], ['reference', 'soft-skills'], ['reference', 'awareness-levels']] as const;

export function useRenameSphere() {
  return useInvalidatingMutation(({ id, name }: { id: number; name: string }) => patch(`/reference/spheres/${id}`, { name }), referenceKeys);
}

export function useAddCompetency() {
  return useInvalidatingMutation((body: CompetencyCreate) => post<{ id: number }>('/reference/competencies', body), referenceKeys);
}

export function useUpdateCompetency() {
  return useInvalidatingMutation(({ id, ...change }: CompetencyUpdate & { id: number }) => patch(`/reference/competencies/${id}`, change), referenceKeys);
}

export function useUpdateSoftSkill() {
  return useInvalidatingMutation(({ id, ...change }: SoftSkillUpdate & { id: number }) => patch(`/reference/soft-skills/${id}`, change), referenceKeys);
}

export function useSaveAwarenessLevels() {
  return useInvalidatingMutation((levels: AwarenessLevelInput[]) => put<{ levels: AwarenessLevel[] }>('/reference/awareness-levels', { levels }), referenceKeys);
}

const professionsKey = ['reference', 'professions'] as const;

export function useProfessions() {
  return useQuery({
    queryKey: professionsKey,
    queryFn: () => api<{ professions: ProfessionView[] }>('/reference/professions'),
    select: (data) => data.professions,
  });
}

export function useAddProfession() {
  return useInvalidatingMutation((body: ProfessionInput) => post<{ id: number }>('/reference/professions', body), [professionsKey]);
}

export function useUpdateProfession() {
  return useInvalidatingMutation(({ id, ...body }: ProfessionUpdate & { id: number }) => put(`/reference/professions/${id}`, body), [professionsKey]);
}

import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export interface Competency {
  id: number;
  code: string;
  name: string;
}

export interface Sphere {
  id: number;
  code: string;
  name: string;
  competencies: Competency[];
}

/** The spheres with their competencies: a reference list, so it outlives a sign-out like the regions. */
export function useCompetencies() {
  return useQuery({
    queryKey: ['reference', 'competencies'],
    queryFn: () => api<{ spheres: Sphere[] }>('/reference/competencies'),
    select: (data) => data.spheres,
    staleTime: 60 * 60_000,
  });
}

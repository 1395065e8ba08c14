/**
 * The digital footprint's directions and the dimensions a test scale may feed. A dimension is
 * named `<kind>:<code>`: spheres, competencies and soft skills come from the reference tables;
 * awareness is measured per sphere plus the readiness to choose; the environment factors are fixed
 * here because the sociological questionnaire defines them.
 */
export const GRADE_BANDS = ['6-7', '8-9', '10-11'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

export const GRADE_BAND_LABELS: Record<GradeBand, string> = {
  '6-7': '6–7 классы',
  '8-9': '8–9 классы',
  '10-11': '10–11 классы',
};

/** The band a grade belongs to; grades outside 6–11 never reach here (the profile's check). */
export function gradeBandOf(grade: number): GradeBand {
  if (grade <= 7) return '6-7';
  if (grade <= 9) return '8-9';
  return '10-11';
}

export const DIMENSION_KINDS = ['sphere', 'competency', 'soft_skill', 'awareness', 'environment'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export const FOOTPRINT_DIRECTIONS = ['personal', 'skills', 'interests', 'awareness'] as const;
export type FootprintDirection = (typeof FOOTPRINT_DIRECTIONS)[number];

export const DIRECTION_OF_KIND: Record<DimensionKind, FootprintDirection> = {
  environment: 'personal',
  soft_skill: 'skills',
  sphere: 'interests',
  competency: 'interests',
  awareness: 'awareness',
};

export const DIRECTION_LABELS: Record<FootprintDirection, string> = {
  personal: 'Личные особенности и окружение',
  skills: 'Знания и навыки',
  interests: 'Интересы',
  awareness: 'Уровень осведомлённости',
};

/** Awareness dimensions beyond one per sphere. */
export const CHOICE_READINESS = 'choice-readiness';

export const ENVIRONMENT_FACTORS = [
  { code: 'family-support', name: 'Поддержка семьи в выборе профессии' },
  { code: 'activities', name: 'Занятия вне уроков: кружки, секции, проекты' },
  { code: 'plans', name: 'Ясность планов после школы' },
  { code: 'learning-motivation', name: 'Интерес к учёбе' },
] as const;

export type DimensionKey = `${DimensionKind}:${string}`;

export function dimensionKey(kind: DimensionKind, code: string): DimensionKey {
  return `${kind}:${code}`;
}

export function parseDimensionKey(key: string): { kind: DimensionKind; code: string } | null {
  const at = key.indexOf(':');
  if (at < 0) return null;
  const kind = key.slice(0, at) as DimensionKind;
  if (!DIMENSION_KINDS.includes(kind)) return null;
  return { kind, code: key.slice(at + 1) };
}

/** Every dimension key a definition may map onto, given the reference codes. */
export function knownDimensions(reference: {
  spheres: readonly string[];
  competencies: readonly string[];
  softSkills: readonly string[];
}): Set<string> {
  return new Set<string>([
    ...reference.spheres.map((c) => dimensionKey('sphere', c)),
    ...reference.spheres.map((c) => dimensionKey('awareness', c)),
    dimensionKey('awareness', CHOICE_READINESS),
    ...reference.competencies.map((c) => dimensionKey('competency', c)),
    ...reference.softSkills.map((c) => dimensionKey('soft_skill', c)),
    ...ENVIRONMENT_FACTORS.map((f) => dimensionKey('environment', f.code)),
  ]);
}

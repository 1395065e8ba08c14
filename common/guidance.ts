/**
 * What recommendations and the individual study plan look like on the wire: the server's
 * recommendations and study-plans modules produce these, the pupil's, parent's and navigator's
 * pages read them. Every item carries `reason`, one Russian sentence naming its evidence.
 */
import type { EventCard } from './schemas/events.js';

export type Confidence = 'none' | 'low' | 'medium' | 'high';

/** One sphere, competency or soft skill of the pupil's picture, with how many sources back it. */
export interface ProfileDimension {
  key: string;
  code: string;
  name: string;
  value: number;
  sources: number;
  confidence: Confidence;
}

export interface RecommendationProfile {
  spheres: ProfileDimension[];
  competencies: ProfileDimension[];
  softSkills: ProfileDimension[];
  testsCompleted: number;
  trialsAttended: number;
  confidence: Confidence;
  /** Why the picture is as sure as it is, e.g. «Пока пройден один тест: …». */
  summary: string;
}

export interface TestRecommendation {
  slug: string;
  title: string;
  kind: 'test' | 'game';
  durationMinutes: number;
  reason: string;
}

export interface EventRecommendation {
  event: EventCard;
  score: number;
  reason: string;
}

export const OPPORTUNITY_KINDS = ['college', 'university', 'club', 'olympiad', 'employer', 'online_course'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const OPPORTUNITY_KIND_LABELS: Record<OpportunityKind, string> = {
  college: 'Колледж (СПО)',
  university: 'Вуз (ВО)',
  club: 'Кружок, дополнительное образование',
  olympiad: 'Олимпиада или конкурс',
  employer: 'Работодатель: экскурсия, стажировка',
  online_course: 'Онлайн-курс',
};

/** What a family sees of an opportunity: its card, and the short form in lists. */
export interface OpportunitySummary {
  id: string;
  kind: OpportunityKind;
  title: string;
  provider: string;
  cityName: string | null;
  online: boolean;
  free: boolean;
  ovzAccessible: boolean;
  startsOn: string | null;
  endsOn: string | null;
  federal: boolean;
}

export interface OpportunityRecommendation {
  opportunity: OpportunitySummary;
  score: number;
  reason: string;
}

export interface ProfessionRecommendation {
  id: number;
  code: string;
  name: string;
  description: string;
  education: EducationLevel[];
  programmes: string[];
  reason: string;
}

export interface Recommendations {
  participantId: string;
  generatedAt: string;
  profile: RecommendationProfile;
  tests: TestRecommendation[];
  events: EventRecommendation[];
  opportunities: OpportunityRecommendation[];
  professions: ProfessionRecommendation[];
}

/** The five profiles of senior school in the federal standard (ФГОС СОО). */
export const SCHOOL_PROFILES = ['natural_science', 'humanities', 'socio_economic', 'technological', 'universal'] as const;
export type SchoolProfile = (typeof SCHOOL_PROFILES)[number];
export const SCHOOL_PROFILE_LABELS: Record<SchoolProfile, string> = {
  natural_science: 'Естественно-научный',
  humanities: 'Гуманитарный',
  socio_economic: 'Социально-экономический',
  technological: 'Технологический',
  universal: 'Универсальный',
};

/** Stages of a pupil on the navigator's queue, in the order a pupil passes them. */
export const PLAN_STAGES = ['no_test', 'tested', 'trial_attended', 'plan_drafted', 'plan_published'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PLAN_STAGE_LABELS: Record<PlanStage, string> = {
  no_test: 'Нет тестов',
  tested: 'Прошёл тесты',
  trial_attended: 'Был на пробе',
  plan_drafted: 'План подготовлен',
  plan_published: 'План опубликован',
};

/** What the plan says; the system drafts it, the navigator edits and publishes it. */
export interface StudyPlanContent {
  grade: number;
  strengths: Array<{ code: string; name: string; evidence: string }>;
  interests: Array<{ code: string; name: string; evidence: string }>;
  /** Grades 8–11 only. */
  profile: { code: SchoolProfile; reason: string } | null;
  /** Subjects to deepen (grades 8–11) or to try (grades 6–7). */
  subjects: Array<{ name: string; reason: string }>;
  /** Grades 6–7: activities to try. */
  activities: Array<{ name: string; reason: string }>;
  opportunities: Array<{ id: string; title: string; kind: OpportunityKind; reason: string }>;
  trials: Array<{ eventId: string; title: string; startsAt: string; reason: string }>;
  /** Goals for the next quarter; the pupil ticks them done. A step keeps its id across versions. */
  steps: Array<{ id: string; text: string; due: string | null }>;
  navigatorNote: string | null;
}

export interface PublishedPlan {
  version: number;
  publishedAt: string;
  publishedByName: string;
  content: StudyPlanContent;
}

/** The plan as the pupil, a linked parent or the navigator opens it. */
export interface StudyPlanView {
  participantId: string;
  stage: PlanStage;
  published: PublishedPlan | null;
  stepsDone: Array<{ stepId: string; doneAt: string }>;
  versions: Array<{ version: number; publishedAt: string }>;
}

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'archived'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  draft: 'Черновик',
  published: 'Опубликована',
  archived: 'В архиве',
};

/** A sphere or competency as a card names it. */
export interface ReferenceName {
  id: number;
  code: string;
  name: string;
}

/** The whole card a pupil or parent opens. */
export interface OpportunityCard extends OpportunitySummary {
  description: string;
  programmes: string[];
  spheres: ReferenceName[];
  competencies: ReferenceName[];
  gradeFrom: number;
  gradeTo: number;
  regionName: string | null;
  address: string | null;
  ovzNotes: string | null;
  priceNote: string | null;
  url: string | null;
  contact: string | null;
}

/** A row of the staff list. */
export interface StaffOpportunitySummary extends OpportunitySummary {
  status: OpportunityStatus;
  regionName: string | null;
  gradeFrom: number;
  gradeTo: number;
  updatedAt: string;
}

/** What the staff form edits: the card with the ids behind its names. */
export interface StaffOpportunityDetail extends OpportunityCard {
  status: OpportunityStatus;
  regionId: number | null;
  cityId: number | null;
  /** The city's region: a federal opportunity's city may lie in any region. */
  cityRegionId: number | null;
  sphereIds: number[];
  competencyIds: number[];
  updatedAt: string;
}

/** One checked row of an opportunities file: what it would become, or why it cannot. */
export interface OpportunityImportRow {
  row: number;
  title: string;
  kind: OpportunityKind | null;
  errors: Array<{ column: string; message: string }>;
}

/** The preview of an opportunities file; nothing is written until the same file is confirmed. */
export interface OpportunityImportPreview {
  fileSha256: string;
  totalRows: number;
  validRows: number;
  rows: OpportunityImportRow[];
}

export interface OpportunityImportResult {
  imported: number;
  skipped: number;
}

export const EDUCATION_LEVELS = ['spo', 'vo'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  spo: 'Среднее профессиональное (колледж)',
  vo: 'Высшее (вуз)',
};

/** A profession of the reference list as the issuer edits it. */
export interface ProfessionView {
  id: number;
  code: string;
  name: string;
  description: string;
  education: EducationLevel[];
  programmes: string[];
  competencies: ReferenceName[];
}

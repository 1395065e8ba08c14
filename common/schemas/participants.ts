import { z } from 'zod';
import { GRADES } from '../validators.js';
import {
  PARTICIPANT_STATUS_FILTERS,
  type ChildDocumentType,
  type ImportColumnKey,
  type ImportOutcome,
  type ImportStatus,
  type ParticipantStatusFilter,
} from '../participants.js';
import { emailSchema, idSchema, phoneSchema } from './fields.js';
import { childDataShape, documentsSchema, type RepresentativeKind } from './identity.js';
import { listCursorSchema, listQuerySchema } from './lists.js';

/**
 * Each order is served by an index per scope at a million pupils. Sorting by school name could not
 * be (a region's pupils would all be read to sort a page): the school filter replaces it.
 */
export const PARTICIPANT_SORTS = ['name', 'grade', 'createdAt'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** Searches shorter than this match the start of the last name; longer ones any part of the name or e-mail. */
export const PARTICIPANT_SEARCH_SUBSTRING_MIN = 3;

/** Keyset-paged: `after` is the previous page's `nextCursor`; there are no page numbers. */
export const participantListQuerySchema = listQuerySchema(PARTICIPANT_SORTS).omit({ page: true }).extend({
  after: listCursorSchema.optional(),
  grade: z.coerce
    .number({ error: 'Класс — число' })
    .int({ error: 'Класс — число' })
    .min(GRADES.min, { error: `Классы с ${GRADES.min} по ${GRADES.max}` })
    .max(GRADES.max, { error: `Классы с ${GRADES.min} по ${GRADES.max}` })
    .optional(),
  status: z
    .enum(Object.keys(PARTICIPANT_STATUS_FILTERS) as [ParticipantStatusFilter, ...ParticipantStatusFilter[]], { error: 'Неизвестный статус' })
    .optional(),
  navigatorId: idSchema.optional(),
  schoolId: idSchema.optional(),
});
export type ParticipantListQuery = z.infer<typeof participantListQuerySchema>;

/** A pupil a school registers itself: place and school come from the school, not from the form. */
export const schoolRegistrationSchema = z
  .strictObject(childDataShape)
  .omit({ regionId: true, cityId: true, schoolId: true, schoolName: true })
  .extend({
    email: emailSchema,
    phone: phoneSchema.optional(),
    document: documentsSchema.optional(),
    hasOvz: z.boolean({ error: 'Укажите да или нет' }).optional(),
  });
export type SchoolRegistration = z.infer<typeof schoolRegistrationSchema>;

export const MAX_ASSIGN_AT_ONCE = 500;

export const assignNavigatorSchema = z.strictObject({
  participantIds: z
    .array(idSchema, { error: 'Выберите участников' })
    .min(1, { error: 'Выберите хотя бы одного участника' })
    .max(MAX_ASSIGN_AT_ONCE, { error: `Не больше ${MAX_ASSIGN_AT_ONCE} участников за раз` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Участник выбран дважды' }),
  navigatorId: idSchema.nullable(),
});
export type AssignNavigator = z.infer<typeof assignNavigatorSchema>;

export const importListQuerySchema = listQuerySchema(['createdAt', 'fileName', 'status']).extend({
  // The newest import is the one a school comes back for.
  order: z.enum(['asc', 'desc'], { error: 'Порядок: asc или desc' }).default('desc'),
});
export type ImportListQuery = z.infer<typeof importListQuerySchema>;

export const spreadsheetFormatQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv'], { error: 'Формат: xlsx или csv' }).default('xlsx'),
});

export interface ParticipantListItem {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  grade: number;
  school: { id: string; name: string } | null;
  snilsMasked: string;
  activated: boolean;
  parentLinked: boolean;
  consentGiven: boolean;
  /** Has completed at least one online test or game. */
  tested: boolean;
  navigator: { id: string; name: string } | null;
  createdAt: string;
}

export interface ParticipantDetail extends ParticipantListItem {
  birthDate: string | null;
  email: string;
  phone: string | null;
  region: { id: number; name: string };
  city: { id: number; name: string };
  /** The linked parents, guardians and trustees, each with its kind. */
  representatives: Array<{ name: string; kind: RepresentativeKind }>;
}

export interface ParticipantPersonalData {
  snils: string;
  document: { type: ChildDocumentType; number: string } | null;
  hasOvz: boolean;
  ovzDetails: string | null;
  /** The parents withdrew the health-data consent: whether the pupil has ОВЗ is not shown at all. */
  ovzWithheld: boolean;
  representatives: Array<{ name: string; kind: RepresentativeKind }>;
}

export interface RegisteredBySchool {
  id: string;
  outcome: 'created' | 'matched';
}

export interface ImportRowError {
  row: number;
  /** A column key, or null when the whole row is at fault. */
  field: ImportColumnKey | null;
  message: string;
}

export interface ImportRowOutcome {
  row: number;
  outcome: ImportOutcome;
  message: string;
}

export interface ImportBatchSummary {
  id: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  processedRows: number;
  created: number;
  matched: number;
  skipped: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * One import: while a preview, the counters say what confirming would do; once confirmed, what was
 * done. Long lists come in their first entries; the downloadable report holds them all.
 */
export interface ImportBatchView extends ImportBatchSummary {
  duplicatesInFile: number;
  alreadyRegistered: number;
  errors: ImportRowError[];
  errorCount: number;
  outcomes: ImportRowOutcome[];
  outcomeCount: number;
  /** When this very file was imported before by the school, if it was. */
  sameFileImportedAt: string | null;
}

import { z } from 'zod';
import { idSchema, participantBirthDateSchema, personNameSchema } from './fields.js';

/** What a pupil or parent may ask to correct; other data the family changes itself or through support. */
export const CORRECTABLE_FIELDS = ['lastName', 'firstName', 'birthDate', 'schoolId'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, string> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  birthDate: 'Дата рождения',
  schoolId: 'Школа',
};

export const correctionRequestSchema = z
  .strictObject({
    lastName: personNameSchema.optional(),
    firstName: personNameSchema.optional(),
    birthDate: participantBirthDateSchema.optional(),
    schoolId: idSchema.optional(),
    comment: z.string().trim().max(1000, { error: 'Не длиннее 1000 символов' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!CORRECTABLE_FIELDS.some((f) => v[f] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Укажите, что нужно исправить: фамилию, имя, дату рождения или школу' });
    }
  });
export type CorrectionRequestInput = z.infer<typeof correctionRequestSchema>;

export const correctionRefusalSchema = z.strictObject({
  reason: z
    .string({ error: 'Напишите причину отказа' })
    .trim()
    .min(5, { error: 'Причина — не короче 5 символов: семья должна понять, что не так' })
    .max(1000, { error: 'Не длиннее 1000 символов' }),
});

export const CORRECTION_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const correctionQueueQuerySchema = z.strictObject({
  status: z.enum(CORRECTION_STATUSES, { error: 'Неизвестный статус' }).default('pending'),
});

export interface CorrectionValues {
  lastName: string;
  firstName: string;
  birthDate: string | null;
  school: { id: string; name: string } | null;
}

/** One request as the family and the school see it: what stands now, what is asked, and the answer. */
export interface CorrectionView {
  id: string;
  status: CorrectionStatus;
  pupil: { id: string; name: string; grade: number };
  requestedBy: { name: string; role: 'participant' | 'parent' };
  current: CorrectionValues;
  requested: Partial<Record<CorrectableField, string>> & { schoolName?: string };
  comment: string | null;
  refusalReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface PupilCorrections {
  /** The data as they stand, with the pupil's region and city for choosing a school. */
  current: CorrectionValues & { regionId: number; cityId: number };
  items: CorrectionView[];
}

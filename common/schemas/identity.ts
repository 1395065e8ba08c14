import { z } from 'zod';
import {
  cityIdSchema,
  emailSchema,
  gradeSchema,
  idSchema,
  optionalPersonNameSchema,
  participantBirthDateSchema,
  passwordSchema,
  personNameSchema,
  phoneSchema,
  regionIdSchema,
  snilsSchema,
  tokenSchema,
} from './fields.js';

const schoolChoice = {
  schoolId: idSchema.optional(),
  schoolName: z.string().trim().min(3, { error: 'Название школы — не короче 3 символов' }).max(200, { error: 'Не длиннее 200 символов' }).optional(),
};

function requireSchool(v: { schoolId?: string | undefined; schoolName?: string | undefined }, ctx: z.RefinementCtx) {
  if (!v.schoolId && !v.schoolName) {
    ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Выберите школу из списка или впишите её название' });
  }
}

export const childDataShape = {
  lastName: personNameSchema,
  firstName: personNameSchema,
  middleName: optionalPersonNameSchema,
  birthDate: participantBirthDateSchema,
  grade: gradeSchema,
  regionId: regionIdSchema,
  cityId: cityIdSchema,
  ...schoolChoice,
  snils: snilsSchema,
};

export const participantRegistrationSchema = z
  .strictObject({
    ...childDataShape,
    email: emailSchema,
    phone: phoneSchema,
    password: passwordSchema,
    acceptTerms: z.literal(true, { error: 'Нужно согласиться с правилами участия' }),
    invitationToken: tokenSchema.optional(),
  })
  .superRefine(requireSchool);
export type ParticipantRegistration = z.infer<typeof participantRegistrationSchema>;

/** Who a parent's account is to the child in law; seed 004 names guardians and trustees beside parents. */
export const REPRESENTATIVE_KINDS = ['parent', 'guardian', 'trustee'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];
export const REPRESENTATIVE_KIND_LABELS: Record<RepresentativeKind, string> = {
  parent: 'Родитель',
  guardian: 'Опекун',
  trustee: 'Попечитель',
};
/** The kinds as a select's options, in the order above. */
export const REPRESENTATIVE_KIND_OPTIONS = REPRESENTATIVE_KINDS.map((kind) => ({ value: kind, label: REPRESENTATIVE_KIND_LABELS[kind] }));
export const representativeKindSchema = z.enum(REPRESENTATIVE_KINDS, {
  error: 'Укажите, кем вы приходитесь ребёнку: родитель, опекун или попечитель',
});
export const representativeKindBodySchema = z.strictObject({ representativeKind: representativeKindSchema });

export const createChildSchema = z
  .strictObject({
    ...childDataShape,
    email: emailSchema,
    phone: phoneSchema.optional(),
    password: passwordSchema.optional(),
    representativeKind: representativeKindSchema.optional(),
  })
  .superRefine(requireSchool);
export type CreateChild = z.infer<typeof createChildSchema>;

export const signInSchema = z.strictObject({
  email: z.string().trim().min(1, { error: 'Введите адрес электронной почты' }).max(254, { error: 'Слишком длинный адрес' }),
  password: z.string().min(1, { error: 'Введите пароль' }).max(128, { error: 'Пароль — не длиннее 128 символов' }),
});

export const tokenBodySchema = z.strictObject({ token: tokenSchema });
export const emailBodySchema = z.strictObject({ email: emailSchema });
export const passwordResetSchema = z.strictObject({ token: tokenSchema, password: passwordSchema });

export const documentsSchema = z
  .strictObject({
    documentType: z.enum(['passport', 'birth_certificate'], { error: 'Выберите вид документа' }),
    documentNumber: z.string().trim().min(1, { error: 'Укажите серию и номер' }).max(30, { error: 'Слишком длинно' }),
  });

export const participantProfileUpdateSchema = z.strictObject({
  phone: phoneSchema.optional(),
  document: documentsSchema.nullable().optional(),
  hasOvz: z.boolean({ error: 'Укажите да или нет' }).optional(),
  ovzDetails: z.string().trim().max(2000, { error: 'Не длиннее 2000 символов' }).nullable().optional(),
});
export type ParticipantProfileUpdate = z.infer<typeof participantProfileUpdateSchema>;

export const parentProfileUpdateSchema = z.strictObject({ phone: phoneSchema });

export const CONSENT_KINDS = ['pd_processing', 'photo_video', 'health_data'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const giveConsentSchema = z.strictObject({
  kind: z.enum(CONSENT_KINDS, { error: 'Неизвестный вид согласия' }),
  textVersion: z.string().min(1).max(20),
});

export const idParamsSchema = z.strictObject({ id: idSchema });
export const childParamsSchema = z.strictObject({ childId: idSchema });

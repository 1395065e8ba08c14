import { z } from 'zod';
import { STAFF_ROLES } from '../roles.js';
import { ORGANISATION_KINDS } from '../organisations.js';
import { isValidInn, isValidOgrn } from '../validators.js';
import {
  cityIdSchema,
  emailSchema,
  idSchema,
  isoDateSchema,
  optionalPersonNameSchema,
  personNameSchema,
  phoneSchema,
  regionIdSchema,
  serialIdParamSchema,
  serialIdSchema,
} from './fields.js';
import { listQuerySchema } from './lists.js';

const text = (min: number, max: number, what: string) =>
  z
    .string({ error: `Заполните поле «${what}»` })
    .trim()
    .min(min, { error: min <= 1 ? `Заполните поле «${what}»` : `«${what}» — не короче ${min} символов` })
    .max(max, { error: `«${what}» — не длиннее ${max} символов` });

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `«${what}» — не длиннее ${max} символов` })
    .transform((v) => v || null)
    .nullable()
    .optional();

export const innSchema = z
  .string({ error: 'Укажите ИНН' })
  .trim()
  .transform((v, ctx) => {
    if (!/^\d{10}$|^\d{12}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'ИНН — 10 цифр у организации или 12 у ИП' });
      return z.NEVER;
    }
    if (!isValidInn(v)) {
      ctx.addIssue({ code: 'custom', message: 'Контрольные цифры ИНН не сходятся — проверьте номер' });
      return z.NEVER;
    }
    return v;
  });

export const ogrnSchema = z
  .string({ error: 'Укажите ОГРН' })
  .trim()
  .transform((v, ctx) => {
    if (!/^\d{13}$|^\d{15}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'ОГРН — 13 цифр у организации или 15 у ИП (ОГРНИП)' });
      return z.NEVER;
    }
    if (!isValidOgrn(v)) {
      ctx.addIssue({ code: 'custom', message: 'Контрольная цифра ОГРН не сходится — проверьте номер' });
      return z.NEVER;
    }
    return v;
  });

const websiteSchema = z
  .string()
  .trim()
  .max(200, { error: 'Адрес сайта — не длиннее 200 символов' })
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { error: 'Адрес сайта начинается с http:// или https://' })
  .transform((v) => v || null)
  .nullable()
  .optional();

const optionalContactEmail = z
  .union([z.literal(''), emailSchema], { error: 'Проверьте адрес электронной почты' })
  .transform((v) => v || null)
  .nullable()
  .optional();

const optionalPhone = z
  .union([z.literal(''), phoneSchema], { error: 'Укажите номер в формате +7 900 000-00-00' })
  .transform((v) => v || null)
  .nullable()
  .optional();

export const responsiblePersonSchema = z.strictObject({
  lastName: personNameSchema,
  firstName: personNameSchema,
  middleName: optionalPersonNameSchema,
  email: emailSchema,
  position: optionalText(150, 'Должность'),
});

const competencyIdsSchema = z
  .array(serialIdSchema('Выберите компетенцию из списка'), { error: 'Выберите компетенции' })
  .max(60, { error: 'Не больше 60 компетенций' });

const organisationProfileShape = {
  name: text(3, 300, 'Название'),
  cityId: cityIdSchema,
  address: text(5, 300, 'Адрес'),
  phone: optionalPhone,
  email: optionalContactEmail,
  website: websiteSchema,
  headName: optionalText(200, 'Руководитель'),
};

export const registerSchoolSchema = z.strictObject({
  ...organisationProfileShape,
  inn: innSchema,
  ogrn: ogrnSchema,
  responsible: responsiblePersonSchema,
});

export const registerVenueSchema = registerSchoolSchema.extend({
  description: optionalText(2000, 'Описание'),
  competencyIds: competencyIdsSchema.min(1, { error: 'Выберите хотя бы одну компетенцию' }),
});

export const updateOrganisationSchema = z
  .strictObject({
    ...organisationProfileShape,
    inn: innSchema,
    ogrn: ogrnSchema,
    description: optionalText(2000, 'Описание'),
    competencyIds: competencyIdsSchema.min(1, { error: 'Выберите хотя бы одну компетенцию' }),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Нечего сохранять: ни одно поле не изменено' });

export const suspendSchema = z.strictObject({ reason: text(3, 500, 'Причина') });

export const organisationKindParams = z.strictObject({ id: idSchema });

export const organisationListQuerySchema = listQuerySchema(['name', 'city', 'createdAt', 'pupils', 'status']).extend({
  kind: z.enum(ORGANISATION_KINDS, { error: 'Вид организации: school или venue' }).default('school'),
  regionId: serialIdParamSchema('Неверный регион').optional(),
  cityId: serialIdParamSchema('Неверный город').optional(),
  status: z.enum(['active', 'suspended'], { error: 'Статус: active или suspended' }).optional(),
});

export const regionParamsSchema = z.strictObject({ regionId: serialIdParamSchema('Неверный регион') });
export const cityParamsSchema = z.strictObject({ cityId: serialIdParamSchema('Неверный город') });

export const regionUpdateSchema = z
  .strictObject({ seasonStartsOn: isoDateSchema.nullable(), seasonEndsOn: isoDateSchema.nullable() })
  .refine((v) => !v.seasonStartsOn || !v.seasonEndsOn || v.seasonStartsOn <= v.seasonEndsOn, {
    error: 'Сезон не может закончиться раньше, чем начнётся',
    path: ['seasonEndsOn'],
  });

export const cityNameSchema = z.strictObject({
  name: text(2, 100, 'Название города').regex(/^[A-Za-zА-Яа-яЁё0-9][A-Za-zА-Яа-яЁё0-9 .,()«»"'-]*$/, {
    error: 'Название города — буквы, цифры, пробел, дефис и точка',
  }),
});

export const staffRoleSchema = z.enum(STAFF_ROLES as [string, ...string[]], { error: 'Неизвестная роль' });

export const inviteStaffSchema = z.strictObject({
  role: staffRoleSchema,
  lastName: personNameSchema,
  firstName: personNameSchema,
  middleName: optionalPersonNameSchema,
  email: emailSchema,
  position: optionalText(150, 'Должность'),
  regionId: regionIdSchema.optional(),
  competencyIds: competencyIdsSchema.optional(),
});

export const updateStaffSchema = z
  .strictObject({ position: optionalText(150, 'Должность'), competencyIds: competencyIdsSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Нечего сохранять: ни одно поле не изменено' });

export const staffListQuerySchema = listQuerySchema(['name', 'role', 'status', 'createdAt']).extend({
  role: staffRoleSchema.optional(),
  regionId: serialIdParamSchema('Неверный регион').optional(),
  status: z.enum(['pending', 'active', 'disabled'], { error: 'Статус: pending, active или disabled' }).optional(),
});

export const ownProfileSchema = z
  .strictObject({
    lastName: personNameSchema,
    firstName: personNameSchema,
    middleName: optionalPersonNameSchema,
    phone: optionalPhone,
    position: optionalText(150, 'Должность'),
    about: optionalText(1000, 'О себе'),
    competencyIds: competencyIdsSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Нечего сохранять: ни одно поле не изменено' });

export type RegisterSchool = z.infer<typeof registerSchoolSchema>;
export type RegisterVenue = z.infer<typeof registerVenueSchema>;
export type UpdateOrganisation = z.infer<typeof updateOrganisationSchema>;
export type InviteStaff = z.infer<typeof inviteStaffSchema>;
export type OwnProfile = z.infer<typeof ownProfileSchema>;
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

/** A region with its season and the counts the issuer and its coordinator follow. */
export interface RegionOverview {
  id: number;
  code: string;
  name: string;
  seasonStartsOn: string | null;
  seasonEndsOn: string | null;
  cities: number;
  coordinators: number;
  schools: number;
  venues: number;
  pupils: number;
}

/** Accepting the operator's instruction names the version read, so a text changed meanwhile is not accepted unread. */
export const acceptInstructionSchema = z.object({
  version: z.string({ error: 'Укажите редакцию поручения' }).trim().min(1, 'Укажите редакцию поручения').max(20, 'Редакция поручения указана неверно'),
});
export type AcceptInstruction = z.infer<typeof acceptInstructionSchema>;

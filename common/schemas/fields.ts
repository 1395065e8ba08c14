import { z } from 'zod';
import {
  GRADES,
  LAST_SNILS_WITHOUT_CONTROL,
  PARTICIPANT_AGE,
  ageOn,
  isPupilSnils,
  normalizeEmail,
  normalizePhone,
  normalizeSnils,
  todayInMoscow,
} from '../validators.js';

z.config(z.locales.ru());

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'Заполните это поле' })
  .max(100, { error: 'Не длиннее 100 символов' })
  .regex(/^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .-]*$/, { error: 'Только буквы, пробел, дефис и апостроф' });

export const optionalPersonNameSchema = z
  .string()
  .trim()
  .max(100, { error: 'Не длиннее 100 символов' })
  .regex(/^([A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .-]*)?$/, { error: 'Только буквы, пробел, дефис и апостроф' })
  .optional();

export const emailSchema = z
  .string()
  .trim()
  .max(254, { error: 'Слишком длинный адрес' })
  .pipe(z.email({ error: 'Проверьте адрес электронной почты' }))
  .transform(normalizeEmail);

export const phoneSchema = z
  .string()
  .max(30, { error: 'Слишком длинный номер' })
  .transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'Укажите номер в формате +7 900 000-00-00' });
      return z.NEVER;
    }
    return phone;
  });

/** A pupil's SNILS: only children's fields use it (a parent's comes from ESIA and may predate control numbers). */
export const snilsSchema = z
  .string()
  .max(20, { error: 'Проверьте СНИЛС: 11 цифр' })
  .transform((v, ctx) => {
    const digits = normalizeSnils(v);
    if (!/^\d{11}$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: 'СНИЛС состоит из 11 цифр' });
      return z.NEVER;
    }
    if (Number(digits.slice(0, 9)) <= LAST_SNILS_WITHOUT_CONTROL) {
      ctx.addIssue({ code: 'custom', message: 'Такого СНИЛС у школьника быть не может — проверьте цифры' });
      return z.NEVER;
    }
    if (!isPupilSnils(digits)) {
      ctx.addIssue({ code: 'custom', message: 'Контрольное число СНИЛС не сходится — проверьте цифры' });
      return z.NEVER;
    }
    return digits;
  });

export const passwordSchema = z
  .string()
  .min(8, { error: 'Пароль — не короче 8 символов' })
  .max(128, { error: 'Пароль — не длиннее 128 символов' });

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД' })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, { error: 'Такой даты нет в календаре' });

export const participantBirthDateSchema = isoDateSchema.superRefine((v, ctx) => {
  const today = todayInMoscow();
  if (v > today) {
    ctx.addIssue({ code: 'custom', message: 'Дата рождения не может быть в будущем' });
    return;
  }
  const age = ageOn(v, today);
  if (age < PARTICIPANT_AGE.min || age > PARTICIPANT_AGE.max) {
    ctx.addIssue({
      code: 'custom',
      message: `Участвовать могут школьники от ${PARTICIPANT_AGE.min} до ${PARTICIPANT_AGE.max} лет — проверьте дату рождения`,
    });
  }
});

export const gradeSchema = z
  .number({ error: 'Укажите класс числом' })
  .int({ error: 'Укажите класс числом' })
  .min(GRADES.min, { error: `Программа для ${GRADES.min}–${GRADES.max} классов` })
  .max(GRADES.max, { error: `Программа для ${GRADES.min}–${GRADES.max} классов` });

/** An HTML tag or comment opener: text fields hold plain text, which pages show as it is, never as markup. */
export const MARKUP = /<\s*\/?\s*[a-z!]/i;
export const MARKUP_MESSAGE = 'HTML-разметка не допускается: пишите обычным текстом';

/** A plain-text field of a form: trimmed, bounded, and refused when it carries HTML. */
export const plainTextSchema = (min: number, max: number, what: string) =>
  z
    .string({ error: `Заполните поле «${what}»` })
    .trim()
    .min(min, { error: min <= 1 ? `Заполните поле «${what}»` : `«${what}» — не короче ${min} символов` })
    .max(max, { error: `«${what}» — не длиннее ${max} символов` })
    .refine((v) => !MARKUP.test(v), { error: MARKUP_MESSAGE });

export const idSchema = z.uuid({ error: 'Неверный идентификатор' });
/** PostgreSQL's integer (int4) and smallint ranges: a number outside its column's would fail the query. */
export const INT4 = { min: -2_147_483_648, max: 2_147_483_647 } as const;
export const SMALLINT = { min: -32_768, max: 32_767 } as const;

/** An id of a serial column (regions, cities, competencies) in a JSON body. */
export const serialIdSchema = (error: string) => z.number({ error }).int({ error }).positive({ error }).max(INT4.max, { error });

/** The same id in a path or a query string, where it arrives as text. */
export const serialIdParamSchema = (error: string) => z.coerce.number({ error }).int({ error }).positive({ error }).max(INT4.max, { error });

/** A whole number from a query string within [min, max]; the bounds must lie within int4, where such numbers end up. */
export function queryIntSchema(min: number, max: number, error: string) {
  if (min < INT4.min || max > INT4.max) throw new Error(`query integer bounds ${min}..${max} exceed int4`);
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

export const regionIdSchema = serialIdSchema('Выберите регион');
export const cityIdSchema = serialIdSchema('Выберите город');

export const tokenSchema = z
  .string()
  .min(20, { error: 'Ссылка повреждена' })
  .max(200, { error: 'Ссылка повреждена' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Ссылка повреждена' });

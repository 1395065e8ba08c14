/** The form that creates a test citizen: reading the posted body, its fields and their checks. */
import type { FastifyRequest } from 'fastify';

import { normalizeSnils } from '@common/validators.js';
import type { EsiaTestCitizen } from './citizens.js';

export interface CreateForm {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  snils: string;
  email: string;
  emailVerified: boolean;
}

export const EMPTY_FORM: CreateForm = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  snils: '',
  email: '',
  emailVerified: true,
};

/** Per field, and `sub` for a citizen chosen from the list who does not exist. */
export type CreateFormErrors = Partial<Record<keyof CreateForm | 'sub', string>>;

const FORM_LIMIT = 16 * 1024;

export class FormError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readForm(req: FastifyRequest): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new FormError(415, 'Ожидалась отправка формы.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.raw as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > FORM_LIMIT) throw new FormError(413, 'Слишком большая форма.');
    chunks.push(buf);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const NAME_RE = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

function parseBirthDate(input: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(input))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > Date.now()) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function validateCitizen(form: CreateForm): {
  citizen?: Omit<EsiaTestCitizen, 'sub'>;
  errors: Partial<Record<keyof CreateForm, string>>;
} {
  const errors: Partial<Record<keyof CreateForm, string>> = {};
  const out: Omit<EsiaTestCitizen, 'sub'> = {};
  const names = [
    ['lastName', 'Фамилия'],
    ['firstName', 'Имя'],
    ['middleName', 'Отчество'],
  ] as const;
  for (const [key, label] of names) {
    const value = form[key].replace(/\s+/g, ' ').trim();
    if (!value) continue;
    if (value.length > 100 || !NAME_RE.test(value)) errors[key] = `${label}: только буквы, пробел, дефис и апостроф`;
    else out[key] = value;
  }
  if (form.birthDate.trim()) {
    const date = parseBirthDate(form.birthDate.trim());
    if (!date) errors.birthDate = 'Дата рождения: неверная дата';
    else out.birthDate = date;
  }
  if (form.snils.trim()) {
    const digits = normalizeSnils(form.snils.trim());
    if (!/^\d{11}$/.test(digits)) errors.snils = 'СНИЛС: нужно 11 цифр';
    else out.snils = digits;
  }
  if (form.email.trim()) {
    const email = form.email.trim();
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = 'Электронная почта: неверный формат';
    else {
      out.email = email;
      out.emailVerified = form.emailVerified;
    }
  }
  return Object.keys(errors).length ? { errors } : { citizen: out, errors };
}

export function formFrom(params: URLSearchParams): CreateForm {
  const get = (k: string) => (params.get(k) ?? '').slice(0, 300);
  return {
    lastName: get('lastName'),
    firstName: get('firstName'),
    middleName: get('middleName'),
    birthDate: get('birthDate'),
    snils: get('snils'),
    email: get('email'),
    emailVerified: params.has('emailVerified'),
  };
}

import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { EsiaTestCitizen } from '../modules/identity/index.js';
import { browser } from './http-browser.js';
import { linkFrom, type TestApp } from './test-app.js';

const LAST = ['Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Новиков', 'Фёдоров', 'Морозов', 'Волков'];
const FIRST = ['Артём', 'Максим', 'Иван', 'Михаил', 'Даниил', 'Кирилл', 'Егор', 'Матвей'];

/** A random SNILS with a correct control number. */
export function validSnils(): string {
  const body = String(crypto.randomInt(2_000_000, 999_999_999)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const control = sum % 101 === 100 ? 0 : sum % 101;
  return body + String(control).padStart(2, '0');
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${crypto.randomBytes(5).toString('hex')}@example.ru`;
}

/** A birth date giving this age today (Moscow calendar is close enough for whole years). */
export function birthDateForAge(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCMonth(0, 15);
  if (d.getTime() > Date.now() - age * 365.25 * 86_400_000) d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

export async function firstRegionWithSchools(t: TestApp) {
  const regions = (await t.api('GET', '/api/regions')).body.regions as Array<{ id: number; code: string }>;
  const kirov = regions.find((r) => r.code === '43')!;
  const cities = (await t.api('GET', `/api/regions/${kirov.id}/cities`)).body.cities as Array<{ id: number }>;
  return { regionId: kirov.id, cityId: cities[0]!.id };
}

export async function participantInput(t: TestApp, overrides: Record<string, unknown> = {}) {
  const place = await firstRegionWithSchools(t);
  return {
    lastName: LAST[crypto.randomInt(LAST.length)]!,
    firstName: FIRST[crypto.randomInt(FIRST.length)]!,
    middleName: 'Сергеевич',
    birthDate: birthDateForAge(13),
    grade: 7,
    ...place,
    schoolName: 'Школа № 5',
    snils: validSnils(),
    email: uniqueEmail('pupil'),
    phone: '+7 912 345-67-89',
    password: 'зелёный-слон-летит',
    acceptTerms: true,
    ...overrides,
  };
}

export interface Pupil {
  accountId: string;
  email: string;
  password: string;
  cookie: string;
}

export async function registerPupil(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Pupil> {
  const input = await participantInput(t, overrides);
  const res = await t.api('POST', '/api/registration/participant', { body: input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { accountId: res.body.accountId, email: input.email as string, password: input.password as string, cookie: `bilet_sid=${res.cookies.bilet_sid}` };
}

/** Follows the activation link from the dev mailbox, as the pupil would. */
export async function activateFromMail(t: TestApp, email: string): Promise<void> {
  const mail = await t.waitForMail(email, /Подтверди регистрацию/);
  const token = linkFrom(mail.text, '/activate').searchParams.get('token');
  const res = await t.api('POST', '/api/auth/activate', { body: { token } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** What a tester types into the emulator's form; empty fields are claims ESIA will not send. */
export type CitizenData = Omit<EsiaTestCitizen, 'sub' | 'emailVerified'>;

export function newCitizen(): Required<CitizenData> {
  return {
    lastName: 'Соколова',
    firstName: 'Ирина',
    middleName: 'Петровна',
    birthDate: '1985-06-01',
    snils: validSnils(),
    email: uniqueEmail('parent'),
  };
}

/**
 * The real ESIA flow through the running server and the bundled emulator: start, the emulator's
 * page, creating a citizen with the given data, the callback. Returns where the platform sent the
 * browser and the session cookie it set.
 */
export async function signInThroughEsia(t: TestApp, citizen: CitizenData, returnTo?: string) {
  const b = browser();
  let url = new URL(`/api/auth/esia/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`, t.baseUrl);
  let res = await b.request(url);
  for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
    url = new URL(res.headers.get('location')!, url);
    res = await b.request(url);
  }
  expect(url.pathname).toMatch(/^\/esia-emulator\/interaction\//);
  const html = await res.text();
  const action = [...html.matchAll(/<form[^>]*action="([^"]+\/create)"/g)][0]![1]!;
  const form: Record<string, string> = { emailVerified: '1' };
  for (const [k, v] of Object.entries(citizen)) if (v) form[k] = v;
  url = new URL(action, url);
  res = await b.request(url, { form });
  for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
    url = new URL(res.headers.get('location')!, url);
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/esia-emulator')) break;
    res = await b.request(url);
  }
  const session = b.jar.header(new URL('/api/', t.baseUrl)).match(/bilet_sid=([^;]+)/)?.[1];
  return { landedOn: url, cookie: session ? `bilet_sid=${session}` : null };
}

/** A parent who signed in through ESIA and confirmed the data: ready to link and consent. */
export async function confirmedParent(t: TestApp, citizen = newCitizen()) {
  const { cookie, landedOn } = await signInThroughEsia(t, citizen);
  expect(landedOn.pathname).toBe('/parent/confirm');
  expect(cookie).toBeTruthy();
  const res = await t.api('POST', '/api/parent/confirm', { cookie: cookie!, body: {} });
  expect(res.status).toBe(200);
  return { cookie: cookie!, citizen };
}

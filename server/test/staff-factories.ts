import crypto from 'node:crypto';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Role } from '@common/roles.js';
import { STAFF_CONSENT } from '@common/organisations.js';
import { SECOND_FACTOR_REQUIRED } from '@common/permissions.js';
import { completeInn, completeOgrn } from '@common/validators.js';
import { accounts, cities, regions, schools, staffProfiles, venues } from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import { recordInstructionAccepted } from '../modules/organisations/index.js';
import { uniqueEmail } from './factories.js';
import type { TestApp } from './test-app.js';

const STAFF_PASSWORD = 'надёжный-пароль-сотрудника';
let passwordHash: Promise<string> | null = null;

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('');

/** A random ten-digit ИНН with a correct check digit. */
export const validInn = () => completeInn(digits(9));

/** A random thirteen-digit ОГРН with a correct check digit. */
export const validOgrn = () => completeOgrn(`1${digits(11)}`);

export function totpFor(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
}

export interface Place {
  regionId: number;
  cityId: number;
}

/** A region by its code and its first city: '43' Kirov oblast, '16' Tatarstan, … */
export async function regionByCode(t: TestApp, code: string): Promise<Place> {
  const [row] = await t.database.db.select().from(regions).where(eq(regions.code, code));
  const [city] = await t.database.db.select().from(cities).where(eq(cities.regionId, row!.id)).orderBy(cities.id).limit(1);
  return { regionId: row!.id, cityId: city!.id };
}

/** A school that has accepted the operator's instruction, unless `instruction: false` (the gate's own tests). */
export async function createSchool(t: TestApp, place: Place, name = `Школа № ${crypto.randomInt(1, 99_999)}`, opts: { instruction?: boolean } = {}) {
  const [row] = await t.database.db
    .insert(schools)
    .values({ ...place, name, inn: validInn(), ogrn: validOgrn(), address: 'ул. Ленина, 1' })
    .returning();
  if (opts.instruction !== false) await recordInstructionAccepted(t.database.db, { kind: 'school', id: row!.id });
  return row!;
}

/** A venue that has accepted the operator's instruction, unless `instruction: false` (the gate's own tests). */
export async function createVenue(t: TestApp, place: Place, name = `Колледж № ${crypto.randomInt(1, 99_999)}`, opts: { instruction?: boolean } = {}) {
  const [row] = await t.database.db
    .insert(venues)
    .values({ ...place, name, inn: validInn(), ogrn: validOgrn(), address: 'ул. Мира, 2' })
    .returning();
  if (opts.instruction !== false) await recordInstructionAccepted(t.database.db, { kind: 'venue', id: row!.id });
  return row!;
}

export interface StaffMember {
  accountId: string;
  email: string;
  password: string;
  role: Role;
  cookie: string;
  /** Base32 TOTP secret for roles that use a second factor. */
  totpSecret: string | null;
}

/**
 * An active staff member who has accepted the current consent (and, where the role requires it,
 * set up TOTP), signed in through the real sign-in routes.
 */
export async function createStaff(
  t: TestApp,
  role: Role,
  scope: { regionId?: number | null; schoolId?: string | null; venueId?: string | null } = {},
  opts: { consent?: boolean; totp?: boolean; signIn?: boolean } = {},
): Promise<StaffMember> {
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  const email = uniqueEmail(role.replace('_', '-'));
  const withTotp = opts.totp ?? SECOND_FACTOR_REQUIRED.includes(role);
  const totpSecret = withTotp ? new OTPAuth.Secret({ size: 20 }).base32 : null;
  const [account] = await t.database.db
    .insert(accounts)
    .values({ role, email, passwordHash: await passwordHash, status: 'active', emailVerifiedAt: new Date(), lastName: 'Сотрудникова', firstName: 'Елена' })
    .returning();
  await t.database.db.insert(staffProfiles).values({
    accountId: account!.id,
    regionId: scope.regionId ?? null,
    schoolId: scope.schoolId ?? null,
    venueId: scope.venueId ?? null,
    pdConsentVersion: opts.consent === false ? null : STAFF_CONSENT.version,
    pdConsentAt: opts.consent === false ? null : new Date(),
    totpSecretEnc: totpSecret ? t.app.ctx.pd.encrypt(totpSecret) : null,
    totpEnabledAt: totpSecret ? new Date() : null,
  });
  const member: StaffMember = { accountId: account!.id, email, password: STAFF_PASSWORD, role, cookie: '', totpSecret };
  if (opts.signIn !== false) member.cookie = await signInStaff(t, member);
  return member;
}

/** Password, then the TOTP code when the sign-in asks for one; returns the session cookie. */
export async function signInStaff(t: TestApp, member: Pick<StaffMember, 'email' | 'password' | 'totpSecret'>): Promise<string> {
  const first = await t.api('POST', '/api/auth/sign-in', { body: { email: member.email, password: member.password } });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  if (!first.body.secondFactorRequired) return `bilet_sid=${first.cookies.bilet_sid}`;
  const code = totpFor(member.totpSecret!).generate();
  const second = await t.api('POST', '/api/auth/sign-in/second-factor', { body: { challenge: first.body.challenge, code } });
  expect(second.status, JSON.stringify(second.body)).toBe(200);
  return `bilet_sid=${second.cookies.bilet_sid}`;
}

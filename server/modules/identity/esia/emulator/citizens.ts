/** The emulator's test citizens: five seeded adults, and those created on its sign-in page. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { formatSnils } from '@common/validators.js';

export interface EsiaTestCitizen {
  /** Stable subject identifier (ESIA `oid`-like). */
  sub: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** 11 digits, no separators. */
  snils?: string;
  email?: string;
  emailVerified?: boolean;
}

/** Seeded adult parents. SNILS numbers carry valid control numbers. */
export const ESIA_TEST_CITIZENS: readonly EsiaTestCitizen[] = Object.freeze([
  {
    sub: 'esia-test-1000001',
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthDate: '1984-03-12',
    snils: '11223344595',
    email: 'ivanova.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000002',
    lastName: 'Петров',
    firstName: 'Алексей',
    middleName: 'Викторович',
    birthDate: '1979-11-05',
    snils: '12845673181',
    email: 'petrov.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000003',
    lastName: 'Смирнова',
    firstName: 'Елена',
    middleName: 'Андреевна',
    birthDate: '1990-07-23',
    snils: '14309568262',
    email: 'smirnova.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000004',
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    middleName: 'Игоревич',
    birthDate: '1976-01-30',
    snils: '15673290486',
    email: 'kuznetsov.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000005',
    lastName: 'Ахмедова',
    firstName: 'Гульнара',
    middleName: 'Рашидовна',
    birthDate: '1988-09-14',
    snils: '16924037882',
    email: 'akhmedova.parent@example.ru',
    emailVerified: true,
  },
].map((c) => Object.freeze(c)));

export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'snils'] as const;

/** OIDC claims of a citizen; claims the citizen lacks are left out entirely. */
export function claimsOf(c: EsiaTestCitizen): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { sub: c.sub };
  if (c.lastName) out.family_name = c.lastName;
  if (c.firstName) out.given_name = c.firstName;
  if (c.middleName) out.middle_name = c.middleName;
  if (c.birthDate) out.birthdate = c.birthDate;
  if (c.snils) out.snils = formatSnils(c.snils);
  if (c.email) {
    out.email = c.email;
    out.email_verified = c.emailVerified ?? false;
  }
  return out;
}

/** Created citizens live in a JSON file so they survive restarts; seeded ones come from code. */
export class CitizenStore {
  #writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async created(): Promise<EsiaTestCitizen[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { citizens?: unknown }).citizens;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (c): c is EsiaTestCitizen => typeof c === 'object' && c !== null && typeof (c as { sub?: unknown }).sub === 'string',
    );
  }

  async all(): Promise<EsiaTestCitizen[]> {
    return [...ESIA_TEST_CITIZENS, ...(await this.created())];
  }

  async find(sub: string): Promise<EsiaTestCitizen | undefined> {
    return (await this.all()).find((c) => c.sub === sub);
  }

  add(citizen: EsiaTestCitizen): Promise<void> {
    const run = this.#writing.then(async () => {
      const list = await this.created();
      list.push(citizen);
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, JSON.stringify({ version: 1, citizens: list }, null, 2) + '\n', 'utf8');
      await rename(tmp, this.file);
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PARTICIPANT_SORTS, participantListQuerySchema } from '@common/schemas/participants.js';
import { birthDateForAge, uniqueEmail, validSnils } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { listParticipants, type SortKey } from '../participants.repository.js';
import type { ParticipantScope } from '../participants.policy.js';

// The keyset-paged staff list of pupils: every row exactly once across pages in each order, ties
// broken by id, the cursor checked, the search by trigrams (or a last name's start when short),
// the scope kept, the total read from the schools' counters.

let t: TestApp;
let schoolA1: { id: string };
let schoolA2: { id: string };
let schoolB: { id: string };
let staffA1: StaffMember;
let staffA2: StaffMember;
let coordA: StaffMember;
let coordB: StaffMember;
let issuer: StaffMember;
let regionA: number;

interface Item {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  grade: number;
  createdAt: string;
  school: { id: string } | null;
}

/** Same names on purpose: a page boundary inside a run of equal keys must neither skip nor repeat. */
const PUPILS_A1: Array<[string, string, string | null, number]> = [
  ['Иванов', 'Пётр', 'Ильич', 7],
  ['Иванов', 'Пётр', 'Ильич', 7],
  ['Иванов', 'Пётр', null, 7],
  ['Иванова', 'Анна', 'Сергеевна', 8],
  ['Ёлкина', 'Мария', null, 9],
  ['Елкина', 'Ольга', 'Юрьевна', 9],
  ['Сивцова', 'Дарья', null, 6],
  ['Щукин', 'Олег', 'Петрович', 11],
  ['Абрамов', 'Юрий', null, 10],
  ['Абрамов', 'Юрий', null, 10],
  ['Яковлева', 'Эмма', 'Ивановна', 6],
];
const PUPILS_A2: Array<[string, string, string | null, number]> = [
  ['Иванов', 'Кирилл', null, 8],
  ['Борисова', 'Вера', 'Олеговна', 7],
  ['Жуков', 'Лев', null, 8],
];
const PUPILS_B: Array<[string, string, string | null, number]> = [
  ['Иванов', 'Пётр', 'Ильич', 7],
  ['Казанский', 'Тимур', null, 9],
];

const idsA1: string[] = [];
const idsA2: string[] = [];
const idsB: string[] = [];
let emailOfShchukin = '';

async function register(staff: StaffMember, [lastName, firstName, middleName, grade]: [string, string, string | null, number]) {
  const email = uniqueEmail('list-pupil');
  const body = { lastName, firstName, ...(middleName ? { middleName } : {}), birthDate: birthDateForAge(grade + 6), grade, snils: validSnils(), email };
  const res = await t.api('POST', '/api/participants', { cookie: staff.cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, email };
}

beforeAll(async () => {
  t = await startTestApp();
  const placeA = await regionByCode(t, '43');
  regionA = placeA.regionId;
  const placeB = await regionByCode(t, '16');
  schoolA1 = await createSchool(t, placeA);
  schoolA2 = await createSchool(t, placeA);
  schoolB = await createSchool(t, placeB);
  staffA1 = await createStaff(t, 'school', { regionId: placeA.regionId, schoolId: schoolA1.id });
  staffA2 = await createStaff(t, 'school', { regionId: placeA.regionId, schoolId: schoolA2.id });
  const staffB = await createStaff(t, 'school', { regionId: placeB.regionId, schoolId: schoolB.id });
  coordA = await createStaff(t, 'regional_coordinator', { regionId: placeA.regionId });
  coordB = await createStaff(t, 'regional_coordinator', { regionId: placeB.regionId });
  issuer = await createStaff(t, 'issuer_admin');
  // Registered concurrently: the ids keep each list's order, the creation times need not.
  const [a1, a2, b] = await Promise.all([
    Promise.all(PUPILS_A1.map((p) => register(staffA1, p))),
    Promise.all(PUPILS_A2.map((p) => register(staffA2, p))),
    Promise.all(PUPILS_B.map((p) => register(staffB, p))),
  ]);
  idsA1.push(...a1.map((r) => r.id));
  idsA2.push(...a2.map((r) => r.id));
  idsB.push(...b.map((r) => r.id));
  emailOfShchukin = a1[PUPILS_A1.findIndex((p) => p[0] === 'Щукин')]!.email;
}, 600_000);
afterAll(() => t.close());

const get = (staff: StaffMember, query: string) => t.api('GET', `/api/participants?${query}`, { cookie: staff.cookie });

/** Follows nextCursor to the end, checking each page's size. */
async function walk(staff: StaffMember, query: string, pageSize: number): Promise<Item[]> {
  const all: Item[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res = await get(staff, `${query}&pageSize=${pageSize}${after ? `&after=${after}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    all.push(...(res.body.items as Item[]));
    after = res.body.nextCursor;
    if (after === null) return all;
    expect(res.body.items).toHaveLength(pageSize);
  }
  throw new Error('the list never ended');
}

const key = (text: string | null) => (text ?? '').toLowerCase().replaceAll('ё', 'е');
const nameKey = (i: Item) => [key(i.lastName), key(i.firstName), key(i.middleName), i.id];
const compare = (a: Array<string | number>, b: Array<string | number>) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  return 0;
};

describe('keyset paging', () => {
  it('gives every pupil of the scope exactly once across pages, in each order and direction', async () => {
    const region = new Set([...idsA1, ...idsA2]);
    for (const sort of PARTICIPANT_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const whole = await walk(coordA, `sort=${sort}&order=${order}`, 100);
        expect(new Set(whole.map((i) => i.id))).toEqual(region);
        for (const pageSize of [1, 3]) {
          const paged = await walk(coordA, `sort=${sort}&order=${order}`, pageSize);
          expect(paged.map((i) => i.id), `${sort} ${order} by ${pageSize}`).toEqual(whole.map((i) => i.id));
        }
        if (sort === 'createdAt') continue;
        const keyOf = (i: Item) => (sort === 'grade' ? [i.grade, ...nameKey(i)] : nameKey(i));
        const expected = [...whole].sort((a, b) => compare(keyOf(a), keyOf(b)) * (order === 'asc' ? 1 : -1));
        expect(whole.map((i) => i.id), `${sort} ${order}`).toEqual(expected.map((i) => i.id));
      }
    }
  }, 300_000);

  it('orders names the Russian way: ё with е, case ignored, no middle name first', async () => {
    const names = (await walk(staffA1, 'sort=name', 100)).map((i) => `${i.lastName} ${i.firstName}${i.middleName ? ` ${i.middleName}` : ''}`);
    expect(names.indexOf('Ёлкина Мария')).toBeLessThan(names.indexOf('Елкина Ольга Юрьевна'));
    expect(names.indexOf('Елкина Ольга Юрьевна')).toBeLessThan(names.indexOf('Иванов Пётр'));
    expect(names.indexOf('Иванов Пётр')).toBeLessThan(names.indexOf('Иванов Пётр Ильич'));
    expect(names.at(-1)).toBe('Яковлева Эмма Ивановна');
  });

  it('pages a search and a filter the same way', async () => {
    const whole = await walk(coordA, 'sort=name&q=иван', 100);
    expect(await walk(coordA, 'sort=name&q=иван', 1)).toEqual(whole);
    const seventh = await walk(coordA, 'sort=createdAt&order=desc&grade=7', 1);
    expect(seventh.map((i) => i.grade)).toEqual(seventh.map(() => 7));
    expect(seventh).toHaveLength(4);
  });

  it('refuses a cursor it did not make, or one made for another order, in Russian', async () => {
    const first = await get(coordA, 'sort=name&pageSize=2');
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const tampered = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[string, string]> = [
      ['name', 'garbage'],
      ['name', tampered({ sort: 'name', order: 'asc', key: ['а', 'б', '', 'not-a-uuid'] })],
      ['name', tampered({ sort: 'name', order: 'asc', key: ['а', 'б', ''] })],
      ['grade', tampered({ sort: 'grade', order: 'asc', key: [99, 'а', 'б', '', idsA1[0]] })],
      ['createdAt', tampered({ sort: 'createdAt', order: 'asc', key: ['вчера', idsA1[0]] })],
      ['createdAt', tampered({ sort: 'createdAt', order: 'asc', key: ['2024-02-30T00:00:00Z', idsA1[0]] })],
      ['createdAt', tampered({ sort: 'createdAt', order: 'asc', key: ['2024-02-01T10:00:00+23:59', idsA1[0]] })],
      ['name', tampered({ sort: 'name', order: 'asc', key: ['а\u0000', 'б', '', idsA1[0]] })],
      ['name', tampered(['name', 'asc'])],
    ];
    for (const [sort, after] of cases) {
      const res = await get(coordA, `sort=${sort}&after=${after}`);
      expect(res.status, after).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/);
    }
    for (const other of ['sort=grade', 'sort=name&order=desc']) {
      const res = await get(coordA, `${other}&after=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/Ссылка на страницу списка/);
    }
    expect((await get(coordA, 'after=a%2Bb')).status).toBe(400);
    expect((await get(coordA, 'sort=school')).status).toBe(400);
  });
});

describe('search', () => {
  it('finds any part of a name or e-mail from three letters, within the scope only', async () => {
    const found = await walk(coordA, 'q=ИВАН', 100);
    expect(found.map((i) => i.id)).toEqual(expect.arrayContaining([idsA1[0], idsA1[3], idsA2[0], idsA1[10]]));
    expect(found.map((i) => i.id)).not.toContain(idsB[0]);
    expect((await walk(coordB, 'q=иван', 100)).map((i) => i.id)).toEqual([idsB[0]]);
    expect((await walk(coordA, 'q=ивц', 100)).map((i) => i.id)).toEqual([idsA1[6]]);
    expect((await walk(coordA, 'q=петр иль', 100)).map((i) => i.id).sort()).toEqual([idsA1[0], idsA1[1]].sort());
    expect((await walk(coordA, `q=${encodeURIComponent(emailOfShchukin.split('@')[0]!.toUpperCase())}`, 100)).map((i) => i.id)).toEqual([idsA1[7]]);
    expect(await walk(coordA, 'q=%25%25%25', 100)).toEqual([]);
  });

  it('lists the last names that start with the search first, then the other matches, each in name order', async () => {
    // «Иван» starts four last names of school A1 and one of A2, and is inside a patronymic («Ивановна»).
    for (const pageSize of [100, 1, 4]) {
      const found = await walk(coordA, 'sort=name&q=иван', pageSize);
      expect(found.map((i) => `${i.lastName} ${i.firstName}`), `by ${pageSize}`).toEqual([
        'Иванов Кирилл',
        'Иванов Пётр',
        'Иванов Пётр',
        'Иванов Пётр',
        'Иванова Анна',
        'Яковлева Эмма',
      ]);
    }
    const backwards = await walk(coordA, 'sort=name&order=desc&q=иван', 2);
    expect(backwards.map((i) => i.lastName)).toEqual(['Иванова', 'Иванов', 'Иванов', 'Иванов', 'Иванов', 'Яковлева']);
    const other = await get(coordA, 'sort=name&q=иван&pageSize=2');
    const byGrade = await get(coordA, `sort=grade&q=иван&pageSize=2&after=${other.body.nextCursor}`);
    expect(byGrade.status).toBe(400);
  });

  it('reads ё as е both ways', async () => {
    const both = [idsA1[4], idsA1[5]].sort();
    expect((await walk(coordA, 'q=ёлк', 100)).map((i) => i.id).sort()).toEqual(both);
    expect((await walk(coordA, 'q=Елкина', 100)).map((i) => i.id).sort()).toEqual(both);
    // Щукин Олег Петрович has «петр» inside his middle name.
    expect((await walk(coordA, 'q=пётр', 100)).map((i) => i.id).sort()).toEqual([idsA1[0], idsA1[1], idsA1[2], idsA1[7]].sort());
  });

  it('matches the start of the last name for one or two letters', async () => {
    const iv = (await walk(coordA, 'q=Ив', 100)).map((i) => i.lastName);
    expect(iv.sort()).toEqual(['Иванов', 'Иванов', 'Иванов', 'Иванов', 'Иванова']);
    expect((await walk(coordA, 'q=я', 100)).map((i) => i.id)).toEqual([idsA1[10]]);
    expect((await walk(coordA, 'q=е', 100)).map((i) => i.id).sort()).toEqual([idsA1[4], idsA1[5]].sort());
  });

  it('finds nothing of another school for a school', async () => {
    expect(await walk(staffA2, 'q=Щукин', 100)).toEqual([]);
    expect(await walk(staffA2, 'q=Щу', 100)).toEqual([]);
    expect((await walk(staffA2, 'q=иван', 100)).map((i) => i.id)).toEqual([idsA2[0]]);
  });
});

describe('a search reads the scope in order first, then the trigram index', () => {
  /** Every page of a search, by the repository itself, with the walk cut at `walkRows` pupils. */
  async function searchPages(scope: ParticipantScope, query: string, sort: 'name' | 'grade' | 'createdAt', order: 'asc' | 'desc', walkRows: number) {
    const q = participantListQuerySchema.parse({ q: query, sort, order, pageSize: 2 });
    const ids: string[] = [];
    let after: SortKey | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const rows = await listParticipants(t.database.db, scope, q, after, 3, walkRows);
      ids.push(...rows.slice(0, 2).map((r) => r.id));
      if (rows.length < 3) return ids;
      after = rows[1]!.sort_key;
    }
    throw new Error('the search never ended');
  }

  it('gives the same pages whether the walk finds them, reaches the scope\'s end or gives up', async () => {
    const scopes: ParticipantScope[] = [{ kind: 'region', regionId: regionA }, { kind: 'school', schoolId: schoolA1.id }, { kind: 'all' }];
    for (const scope of scopes) {
      for (const query of ['иван', 'ёлк', 'ильич', 'нет-такого']) {
        for (const [sort, order] of [['name', 'asc'], ['grade', 'desc'], ['createdAt', 'desc']] as const) {
          // 1 000 reads any of these scopes whole; 4 fills a page of 2 only for common names; 1 never does.
          const whole = await searchPages(scope, query, sort, order, 1_000);
          for (const walkRows of [1, 4]) {
            expect(await searchPages(scope, query, sort, order, walkRows), `${scope.kind} ${query} ${sort} ${order} walk ${walkRows}`).toEqual(whole);
          }
        }
      }
    }
    const inRegion = await searchPages({ kind: 'region', regionId: regionA }, 'иван', 'name', 'asc', 1);
    expect(inRegion.sort()).toEqual([idsA1[0], idsA1[1], idsA1[2], idsA1[3], idsA1[10], idsA2[0]].sort());
  }, 120_000);
});

describe('scope and totals', () => {
  it('never shows another region’s pupils, and another school’s to a school', async () => {
    for (const sort of PARTICIPANT_SORTS) {
      expect(new Set((await walk(coordB, `sort=${sort}`, 1)).map((i) => i.id))).toEqual(new Set(idsB));
      expect(new Set((await walk(staffA2, `sort=${sort}`, 2)).map((i) => i.id))).toEqual(new Set(idsA2));
    }
    expect(await walk(coordA, `schoolId=${schoolB.id}`, 100)).toEqual([]);
    expect(await walk(staffA2, `schoolId=${schoolA1.id}`, 100)).toEqual([]);
    const issuerIds = (await walk(issuer, 'sort=name', 100)).map((i) => i.id);
    expect(issuerIds).toEqual(expect.arrayContaining([...idsA1, ...idsA2, ...idsB]));
  });

  it('states the total from the counters when nothing narrows the list, and none otherwise', async () => {
    expect((await get(coordA, 'pageSize=1')).body.total).toBe(idsA1.length + idsA2.length);
    expect((await get(coordB, 'pageSize=1')).body.total).toBe(idsB.length);
    expect((await get(staffA1, 'pageSize=1&sort=grade&order=desc')).body.total).toBe(idsA1.length);
    expect((await get(coordA, `pageSize=1&schoolId=${schoolA2.id}`)).body.total).toBe(idsA2.length);
    expect((await get(coordA, `pageSize=1&schoolId=${schoolB.id}`)).body.total).toBe(0);
    const issuerTotal = (await get(issuer, 'pageSize=1')).body.total as number;
    expect(issuerTotal).toBe((await walk(issuer, 'sort=createdAt', 100)).length);
    for (const narrowed of ['q=иван', 'q=Ив', 'grade=7', 'status=no_parent']) {
      const res = await get(coordA, `pageSize=1&${narrowed}`);
      expect(res.body.total, narrowed).toBeNull();
      expect(res.body.items).toHaveLength(1);
    }
  });

  it('follows a renamed or frozen pupil in the same transaction as its account', async () => {
    const [renamed, frozen] = [idsA2[1]!, idsA2[2]!];
    // Corrections and freezing have their own flows and tests; what matters here is the copy.
    await t.rows(sql`update accounts set last_name = 'Ёжикова' where id = ${renamed}`);
    await t.rows(sql`update accounts set status = 'disabled' where id = ${frozen}`);
    try {
      expect((await walk(staffA2, 'q=ежик', 100)).map((i) => i.id)).toEqual([renamed]);
      expect((await walk(staffA2, 'q=Бор', 100)).map((i) => i.id)).toEqual([]);
      const list = (await walk(staffA2, 'sort=name', 100)).map((i) => i.lastName);
      expect(list).toEqual(['Ёжикова', 'Иванов']);
      expect((await get(staffA2, 'pageSize=1')).body.total).toBe(2);
      expect((await get(coordA, 'pageSize=1')).body.total).toBe(idsA1.length + idsA2.length - 1);
    } finally {
      await t.rows(sql`update accounts set last_name = 'Борисова' where id = ${renamed}`);
      await t.rows(sql`update accounts set status = 'pending' where id = ${frozen}`);
    }
    expect((await get(staffA2, 'pageSize=1')).body.total).toBe(idsA2.length);
  });
});

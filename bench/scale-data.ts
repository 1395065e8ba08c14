/**
 * The scale generator behind `npm run seed:scale` and `npm run bench:scale`: N pupils as the app
 * itself would leave them, on top of the reference and demo data. About 400 pupils per school in
 * every region (Moscow weighted heaviest), ten navigators per school with the school's pupils
 * assigned, one school account per school, a coordinator per region, a venue per ten schools with
 * its staff, place and mentors, parents (every fifth family with two children) linked and
 * consenting under the current text versions, a completed test for four pupils in five with its
 * answers, result and footprint, N/100 trials with enrolments, and every new KPI source marked.
 *
 * Personal data is sealed and indexed with the app's own keyring (ctx.pd), so the running app reads
 * it back. Rows whose values need that crypto (accounts, profiles) are computed here and sent as
 * arrays through unnest, 10,000 rows a statement; everything else is made inside the database with
 * INSERT … SELECT over generate_series. One password is hashed once and shared by every account.
 */
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { CONSENT_TEXTS } from '../common/consents.js';
import { answerSchemaFor, type AnswerValue } from '../common/diagnostics/answers.js';
import type { TestDefinition } from '../common/diagnostics/definition.js';
import type { GradeBand } from '../common/diagnostics/dimensions.js';
import { PROCESSING_INSTRUCTION, STAFF_CONSENT } from '../common/organisations.js';
import { completeInn, completeOgrn } from '../common/validators.js';
import type { AppContext } from '../server/context.js';
import { hashPassword } from '../server/lib/passwords.js';
import { childIdentityKey } from '../server/modules/identity/index.js';
import { refreshFigures } from '../server/modules/kpi/index.js';
import { aggregateFootprint, contributionsOf, directionMeans, scoreTest, type Contribution } from '../server/modules/diagnostics/scoring.js';
import { fmt, snilsOf } from './support.js';

export const SCALE_PASSWORD = 'bilet-scale-2026';
export const PUPILS_PER_SCHOOL = 400;
export const NAVIGATORS_PER_SCHOOL = 10;
const SCHOOLS_PER_VENUE = 10;
const MENTORS_PER_VENUE = 3;
const PUPILS_PER_EVENT = 100;
const BATCH = 10_000;
/** Answer patterns per test: pupil g answers as pattern g % PATTERNS. */
const PATTERNS = 16;
/**
 * The tests a pupil of each band has completed, in order: the core ones that leave many footprint
 * rows for few items (13–15 rows from 16–30 answers), so four pupils in five who took them give ~11
 * rows a pupil without tens of millions of answers.
 */
const TESTS_BY_BAND: Record<GradeBand, readonly string[]> = {
  '6-7': ['interests-spheres-6-7'],
  '8-9': ['work-values-8-11'],
  '10-11': ['work-values-8-11'],
};
/** Pupils g with g % 5 = TESTLESS have not taken a test yet. */
const TESTLESS = 2;

/** Generated rows get predictable ids, so related rows are joined by arithmetic, not by lookups. */
const KIND = { pupil: 1, parent: 2, navigator: 3, schoolStaff: 4, coordinator: 5, venueStaff: 6, mentor: 7, event: 8, attempt: 9, school: 10, venue: 11, place: 12 } as const;
type Kind = keyof typeof KIND;
const prefix = (kind: Kind) => `5ca1e0${KIND[kind].toString(16).padStart(2, '0')}-0000-4000-8000-`;
export const scaleId = (kind: Kind, n: number) => prefix(kind) + n.toString(16).padStart(12, '0');
const idSql = (kind: Kind, expr: string) => `('${prefix(kind)}' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
export const scaleEmail = (role: 'pupil' | 'parent' | 'navigator' | 'school' | 'coordinator' | 'venue' | 'mentor', n: number) => `${role}-${n}@scale.bilet.test`;

const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Васильев', 'Васильева'],
  ['Петров', 'Петрова'], ['Соколов', 'Соколова'], ['Михайлов', 'Михайлова'], ['Новиков', 'Новикова'], ['Фёдоров', 'Фёдорова'],
  ['Морозов', 'Морозова'], ['Волков', 'Волкова'], ['Алексеев', 'Алексеева'], ['Лебедев', 'Лебедева'], ['Семёнов', 'Семёнова'],
  ['Егоров', 'Егорова'], ['Павлов', 'Павлова'], ['Козлов', 'Козлова'], ['Степанов', 'Степанова'], ['Николаев', 'Николаева'],
  ['Орлов', 'Орлова'], ['Андреев', 'Андреева'], ['Макаров', 'Макарова'], ['Никитин', 'Никитина'], ['Захаров', 'Захарова'],
  ['Зайцев', 'Зайцева'], ['Соловьёв', 'Соловьёва'], ['Борисов', 'Борисова'], ['Яковлев', 'Яковлева'], ['Григорьев', 'Григорьева'],
  ['Романов', 'Романова'], ['Воробьёв', 'Воробьёва'], ['Сергеев', 'Сергеева'], ['Кузьмин', 'Кузьмина'], ['Фролов', 'Фролова'],
  ['Александров', 'Александрова'], ['Дмитриев', 'Дмитриева'], ['Королёв', 'Королёва'], ['Гусев', 'Гусева'], ['Киселёв', 'Киселёва'],
  ['Ильин', 'Ильина'], ['Максимов', 'Максимова'], ['Поляков', 'Полякова'], ['Сорокин', 'Сорокина'], ['Виноградов', 'Виноградова'],
  ['Ковалёв', 'Ковалёва'], ['Белов', 'Белова'], ['Медведев', 'Медведева'], ['Антонов', 'Антонова'], ['Тарасов', 'Тарасова'],
];
const MALE_NAMES = ['Александр', 'Максим', 'Артём', 'Михаил', 'Даниил', 'Иван', 'Дмитрий', 'Кирилл', 'Андрей', 'Егор', 'Никита', 'Илья', 'Алексей', 'Матвей', 'Тимофей', 'Роман', 'Владимир', 'Ярослав', 'Фёдор', 'Георгий'];
const FEMALE_NAMES = ['Анастасия', 'Мария', 'Анна', 'Виктория', 'Екатерина', 'Наталья', 'Марина', 'Полина', 'София', 'Дарья', 'Алиса', 'Ксения', 'Александра', 'Елена', 'Варвара', 'Вероника', 'Ульяна', 'Арина', 'Елизавета', 'Василиса'];
const PATRONYMICS: ReadonlyArray<readonly [string, string]> = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Дмитриевич', 'Дмитриевна'], ['Андреевич', 'Андреевна'],
  ['Алексеевич', 'Алексеевна'], ['Игоревич', 'Игоревна'], ['Олегович', 'Олеговна'], ['Владимирович', 'Владимировна'],
  ['Николаевич', 'Николаевна'], ['Михайлович', 'Михайловна'], ['Евгеньевич', 'Евгеньевна'], ['Павлович', 'Павловна'],
];

interface Person {
  lastName: string;
  firstName: string;
  middleName: string;
}

/** A person's name from its number, mixed by a multiplicative hash so no surname clusters in a school or region (~2% each). */
function personOf(n: number, female: boolean): Person {
  const sex = female ? 1 : 0;
  const h = Math.imul(n, 2654435761) >>> 0;
  return {
    lastName: SURNAMES[h % SURNAMES.length]![sex],
    firstName: (female ? FEMALE_NAMES : MALE_NAMES)[(h >>> 8) % 20]!,
    middleName: PATRONYMICS[(h >>> 16) % PATRONYMICS.length]![sex],
  };
}

export interface ScaleSchool {
  index: number;
  id: string;
  regionId: number;
  regionCode: string;
  cityId: number;
}

export interface ScalePlan {
  pupils: number;
  schools: ScaleSchool[];
  /** Regions with schools, the largest first, with the range of their schools' indexes. */
  regions: Array<{ id: number; code: string; name: string; firstSchool: number; schoolCount: number; pupils: number }>;
  venues: Array<{ index: number; id: string; regionId: number; cityId: number; firstSchool: number; schoolCount: number }>;
}

const schoolOf = (plan: Pick<ScalePlan, 'schools'>, g: number) => plan.schools[(g - 1) % plan.schools.length]!;
const pupilRank = (plan: Pick<ScalePlan, 'schools'>, g: number) => Math.floor((g - 1) / plan.schools.length);
/** Grades cycle inside each school, so every school has all six parallels. */
export const gradeOf = (plan: Pick<ScalePlan, 'schools'>, g: number) => 6 + (pupilRank(plan, g) % 6);
const gradeSql = (schools: number) => `(6 + ((g - 1) / ${schools}) % 6)`;
/** Pupil g's parent: every fifth pupil is the younger sibling of the one before. */
const parentNumberSql = '(case when g % 5 = 0 then g - 1 else g end)';

type Log = (line: string) => void;

/** Runs one statement on the generator's own connection. */
type Sql = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Splits the schools over the regions by weight (largest remainder), Moscow heaviest, and numbers them region by region. */
async function planSchools(db: Sql, pupils: number): Promise<ScalePlan> {
  const regions = (await db(`select r.id, r.code, r.name, (select array_agg(c.id order by c.id) from cities c where c.region_id = r.id) as cities
    from regions r order by r.id`)) as Array<{ id: number; code: string; name: string; cities: number[] | null }>;
  const weightOf = (code: string, i: number) => (code === '77' ? 12 : code === '50' ? 8 : code === '78' ? 6 : 1 + (i % 3));
  const schoolCount = Math.max(1, Math.round(pupils / PUPILS_PER_SCHOOL));
  const weights = regions.map((r, i) => weightOf(r.code, i));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * schoolCount) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < schoolCount; k++) counts[order[k]![1]]! += 1;
  const schools: ScaleSchool[] = [];
  const planned: ScalePlan['regions'] = [];
  regions.forEach((r, i) => {
    const cities = r.cities ?? [];
    if (counts[i] === 0 || cities.length === 0) return;
    planned.push({ id: r.id, code: r.code, name: r.name, firstSchool: schools.length, schoolCount: counts[i]!, pupils: 0 });
    for (let k = 0; k < counts[i]!; k++) {
      schools.push({ index: schools.length, id: scaleId('school', schools.length + 1), regionId: r.id, regionCode: r.code, cityId: cities[k % cities.length]! });
    }
  });
  for (const region of planned) {
    for (let s = region.firstSchool; s < region.firstSchool + region.schoolCount; s++) {
      region.pupils += Math.floor((pupils - 1 - s) / schools.length) + 1;
    }
  }
  const venues: ScalePlan['venues'] = [];
  for (const region of planned) {
    for (let first = 0; first < region.schoolCount; first += SCHOOLS_PER_VENUE) {
      const school = schools[region.firstSchool + first]!;
      venues.push({
        index: venues.length,
        id: scaleId('venue', venues.length + 1),
        regionId: region.id,
        cityId: school.cityId,
        firstSchool: region.firstSchool,
        schoolCount: region.schoolCount,
      });
    }
  }
  planned.sort((a, b) => b.pupils - a.pupils);
  return { pupils, schools, regions: planned, venues };
}

async function insertOrganisations(db: Sql, plan: ScalePlan): Promise<void> {
  const s = plan.schools;
  await db(
    `insert into schools (id, region_id, city_id, name, inn, ogrn, address, status)
     select id, region_id, city_id, name, inn, ogrn, address, 'active'
     from unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(id, region_id, city_id, name, inn, ogrn, address)`,
    [
      s.map((x) => x.id),
      s.map((x) => x.regionId),
      s.map((x) => x.cityId),
      s.map((x) => `Школа № ${1000 + x.index}`),
      s.map((x) => completeInn(`${x.regionCode.padStart(2, '0')}5${String(x.index).padStart(6, '0')}`)),
      s.map((x) => completeOgrn(`10${x.regionCode.padStart(2, '0')}5${String(x.index).padStart(7, '0')}`)),
      s.map((x) => `ул. Школьная, ${1 + (x.index % 150)}`),
    ],
  );
  const v = plan.venues;
  const codeOf = new Map(plan.regions.map((r) => [r.id, r.code]));
  await db(
    `insert into venues (id, region_id, city_id, name, inn, ogrn, address, description, status)
     select id, region_id, city_id, name, inn, ogrn, address, 'Мастерские для профессиональных проб школьников', 'active'
     from unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(id, region_id, city_id, name, inn, ogrn, address)`,
    [
      v.map((x) => x.id),
      v.map((x) => x.regionId),
      v.map((x) => x.cityId),
      v.map((x) => `Колледж профессий № ${100 + x.index}`),
      v.map((x) => completeInn(`${codeOf.get(x.regionId)!.padStart(2, '0')}6${String(x.index).padStart(6, '0')}`)),
      v.map((x) => completeOgrn(`10${codeOf.get(x.regionId)!.padStart(2, '0')}6${String(x.index).padStart(7, '0')}`)),
      v.map((x) => `ул. Мастеровая, ${1 + (x.index % 90)}`),
    ],
  );
  await db(
    `insert into venue_places (id, venue_id, name, city_id, address, rooms, accessibility)
     select id, venue_id, 'Учебные мастерские', city_id, 'ул. Мастеровая, ' || (1 + n % 90) || ', корпус 1',
       '[{"name":"Мастерская","capacity":30}]'::jsonb, '{step_free}'::text[]
     from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[]) as t(id, venue_id, city_id, n)`,
    [v.map((x) => scaleId('place', x.index + 1)), v.map((x) => x.id), v.map((x) => x.cityId), v.map((x) => x.index)],
  );
  // Three competencies per venue, walking the list so every competency has venues somewhere.
  await db(
    `insert into venue_competencies (venue_id, competency_id)
     select v.id, c.id from unnest($1::uuid[], $2::int[]) as v(id, n)
     join lateral (select id from competencies order by id offset (v.n * 3) % greatest(1, (select count(*) from competencies) - 2) limit 3) c on true`,
    [v.map((x) => x.id), v.map((x) => x.index)],
  );
  await db(
    `insert into processing_instructions (school_id, venue_id, version, accepted_at)
     select id, null, $1, now() - interval '200 days' from schools where id::text like '${prefix('school')}%'
     union all select null, id, $1, now() - interval '200 days' from venues where id::text like '${prefix('venue')}%'`,
    [PROCESSING_INSTRUCTION.version],
  );
}

/**
 * Staff accounts: per school one school account and ten navigators, per region one coordinator
 * (its second factor set up), per venue one venue account and three mentors; all have accepted
 * the current staff consent, so they work at once.
 */
async function insertStaff(ctx: AppContext, db: Sql, plan: ScalePlan, passwordHash: string, totpSecret: string): Promise<void> {
  const rows: Array<{ id: string; role: string; email: string; person: Person; regionId: number; schoolId: string | null; venueId: string | null; position: string }> = [];
  for (const school of plan.schools) {
    const n = school.index + 1;
    rows.push({ id: scaleId('schoolStaff', n), role: 'school', email: scaleEmail('school', n), person: personOf(n * 11, true), regionId: school.regionId, schoolId: school.id, venueId: null, position: 'Заместитель директора' });
    for (let j = 0; j < NAVIGATORS_PER_SCHOOL; j++) {
      const k = school.index * NAVIGATORS_PER_SCHOOL + j + 1;
      rows.push({ id: scaleId('navigator', k), role: 'navigator', email: scaleEmail('navigator', k), person: personOf(k * 13, k % 3 !== 0), regionId: school.regionId, schoolId: school.id, venueId: null, position: `Классный руководитель ${6 + (j % 6)} класса` });
    }
  }
  plan.regions.forEach((region) => {
    rows.push({ id: scaleId('coordinator', region.id), role: 'regional_coordinator', email: scaleEmail('coordinator', region.id), person: personOf(region.id * 17, false), regionId: region.id, schoolId: null, venueId: null, position: 'Региональный оператор' });
  });
  for (const venue of plan.venues) {
    const n = venue.index + 1;
    rows.push({ id: scaleId('venueStaff', n), role: 'venue', email: scaleEmail('venue', n), person: personOf(n * 19, false), regionId: venue.regionId, schoolId: null, venueId: venue.id, position: 'Руководитель центра' });
    for (let j = 0; j < MENTORS_PER_VENUE; j++) {
      const k = venue.index * MENTORS_PER_VENUE + j + 1;
      rows.push({ id: scaleId('mentor', k), role: 'mentor', email: scaleEmail('mentor', k), person: personOf(k * 23, j % 2 === 0), regionId: venue.regionId, schoolId: null, venueId: venue.id, position: 'Мастер производственного обучения' });
    }
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await db(
      `insert into accounts (id, role, email, email_verified_at, password_hash, status, last_name, first_name, middle_name, created_at)
       select id, role, email, now() - interval '300 days', $1, 'active', last_name, first_name, middle_name, now() - interval '300 days'
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(id, role, email, last_name, first_name, middle_name)`,
      [
        passwordHash,
        part.map((r) => r.id),
        part.map((r) => r.role),
        part.map((r) => r.email),
        part.map((r) => r.person.lastName),
        part.map((r) => r.person.firstName),
        part.map((r) => r.person.middleName),
      ],
    );
    await db(
      `insert into staff_profiles (account_id, region_id, school_id, venue_id, position, pd_consent_version, pd_consent_at, totp_secret_enc, totp_enabled_at)
       select id, region_id, school_id, venue_id, position, $1, now() - interval '299 days', totp, case when totp is null then null else now() - interval '299 days' end
       from unnest($2::uuid[], $3::int[], $4::uuid[], $5::uuid[], $6::text[], $7::text[]) as t(id, region_id, school_id, venue_id, position, totp)`,
      [
        STAFF_CONSENT.version,
        part.map((r) => r.id),
        part.map((r) => r.regionId),
        part.map((r) => r.schoolId),
        part.map((r) => r.venueId),
        part.map((r) => r.position),
        part.map((r) => (r.role === 'regional_coordinator' ? ctx.pd.encrypt(totpSecret) : null)),
      ],
    );
  }
  await db(
    `update processing_instructions p set accepted_by = s.account_id from staff_profiles s
     where s.school_id = p.school_id and s.account_id::text like '${prefix('schoolStaff')}%'`,
  );
  await db(
    `update processing_instructions p set accepted_by = s.account_id from staff_profiles s
     where s.venue_id = p.venue_id and s.account_id::text like '${prefix('venueStaff')}%'`,
  );
  await db(
    `insert into staff_competencies (account_id, competency_id)
     select s.account_id, vc.competency_id from staff_profiles s join venue_competencies vc on vc.venue_id = s.venue_id
     where s.account_id::text like '${prefix('mentor')}%'`,
  );
}

/** The school year's first of September: pupils' birth years follow it, as their grades do. */
function schoolYearStart(): number {
  const now = new Date();
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** Pupils and their parents, sealed and indexed in this process, 10,000 a statement. */
async function insertPeople(ctx: AppContext, db: Sql, plan: ScalePlan, passwordHash: string, log: Log): Promise<void> {
  const year = schoolYearStart();
  const started = performance.now();
  let inFlight: Promise<void> = Promise.resolve();
  for (let from = 1; from <= plan.pupils; from += BATCH) {
    const to = Math.min(plan.pupils, from + BATCH - 1);
    const ids: string[] = [], emails: string[] = [], last: string[] = [], first: string[] = [], middle: string[] = [], births: string[] = [];
    const statuses: string[] = [], created: number[] = [], grades: number[] = [], regions: number[] = [], cities: number[] = [], schools: string[] = [];
    const snilsEnc: string[] = [], identity: string[] = [];
    const pIds: string[] = [], pEmails: string[] = [], pLast: string[] = [], pFirst: string[] = [], pMiddle: string[] = [], pBirths: string[] = [];
    const pSub: string[] = [], pSnilsEnc: string[] = [], pSnilsBidx: string[] = [];
    for (let g = from; g <= to; g++) {
      const school = schoolOf(plan, g);
      const grade = gradeOf(plan, g);
      const female = g % 2 === 0;
      const person = personOf(g, female);
      const birthDate = `${year - grade - 6}-${String(1 + (g % 12)).padStart(2, '0')}-${String(1 + (g % 28)).padStart(2, '0')}`;
      const snils = snilsOf(100_000_000 + g);
      ids.push(scaleId('pupil', g));
      emails.push(scaleEmail('pupil', g));
      last.push(person.lastName);
      first.push(person.firstName);
      middle.push(person.middleName);
      births.push(birthDate);
      // One pupil in fifty has not opened its activation letter yet.
      statuses.push(g % 50 === 7 ? 'pending' : 'active');
      created.push(210 + (g % 150));
      grades.push(grade);
      regions.push(school.regionId);
      cities.push(school.cityId);
      schools.push(school.id);
      snilsEnc.push(ctx.pd.encrypt(snils));
      identity.push(childIdentityKey(ctx, { ...person, birthDate, snils }));
      if (g % 5 !== 0) {
        const parent = personOf(g, !female);
        const parentSnils = snilsOf(500_000_000 + g);
        const email = scaleEmail('parent', g);
        pIds.push(scaleId('parent', g));
        pEmails.push(email);
        pLast.push(person.lastName.replace(/а$/, '') + (female ? '' : 'а'));
        pFirst.push(parent.firstName);
        pMiddle.push(parent.middleName);
        pBirths.push(`${year - grade - 36}-${String(1 + (g % 12)).padStart(2, '0')}-15`);
        pSub.push(`scale-esia-${g}`);
        pSnilsEnc.push(ctx.pd.encrypt(parentSnils));
        pSnilsBidx.push(ctx.pd.blindIndex(`snils:${parentSnils}`));
      }
    }
    // This batch is written while the next one is sealed: the crypto and the database overlap.
    await inFlight;
    inFlight = (async () => {
      await db(
        `insert into accounts (id, role, email, email_verified_at, password_hash, status, last_name, first_name, middle_name, birth_date, created_at)
         select id, 'participant', email, case when status = 'active' then now() - make_interval(days => days) end, $1, status,
           last_name, first_name, middle_name, birth_date, now() - make_interval(days => days)
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::int[])
           as t(id, email, last_name, first_name, middle_name, birth_date, status, days)`,
        [passwordHash, ids, emails, last, first, middle, births, statuses, created],
      );
      await db(
        `insert into participant_profiles (account_id, grade, region_id, city_id, school_id, snils_enc, identity_bidx, updated_at)
         select id, grade, region_id, city_id, school_id, snils_enc, identity_bidx, now() - make_interval(days => days)
         from unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::int[])
           as t(id, grade, region_id, city_id, school_id, snils_enc, identity_bidx, days)`,
        [ids, grades, regions, cities, schools, snilsEnc, identity, created],
      );
      await db(
        `insert into accounts (id, role, email, email_verified_at, status, last_name, first_name, middle_name, birth_date, created_at)
         select id, 'parent', email, now() - interval '220 days', 'active', last_name, first_name, middle_name, birth_date, now() - interval '220 days'
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[]) as t(id, email, last_name, first_name, middle_name, birth_date)`,
        [pIds, pEmails, pLast, pFirst, pMiddle, pBirths],
      );
      await db(
        `insert into parent_profiles (account_id, esia_subject, snils_enc, snils_bidx, esia_email)
         select id, sub, snils_enc, snils_bidx, email from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, sub, snils_enc, snils_bidx, email)`,
        [pIds, pSub, pSnilsEnc, pSnilsBidx, pEmails],
      );
      if (to === plan.pupils || (to / BATCH) % 10 === 0) {
        const seconds = (performance.now() - started) / 1000;
        log(`  pupils and parents: ${fmt(to)} of ${fmt(plan.pupils)} (${fmt(to / seconds)} pupils/s)`);
      }
    })();
  }
  await inFlight;
}

/** Family links with the current consents, and every pupil but one in ten assigned to a navigator of its school. */
async function insertFamiliesAndAssignments(db: Sql, plan: ScalePlan): Promise<void> {
  const n = plan.pupils;
  const schools = plan.schools.length;
  await db(
    `insert into family_links (parent_id, child_id, created_at, representative_kind)
     select ${idSql('parent', parentNumberSql)}, ${idSql('pupil', 'g')}, now() - interval '210 days', case when g % 97 = 0 then 'guardian' else 'parent' end
     from generate_series(1, ${n}) g`,
  );
  await db(
    `insert into consents (child_id, parent_id, kind, text_version, given_at)
     select ${idSql('pupil', 'g')}, ${idSql('parent', parentNumberSql)}, k.kind, k.version, now() - interval '209 days'
     from generate_series(1, ${n}) g
     cross join (values ('pd_processing', $1::text, 1), ('photo_video', $2::text, 2)) as k(kind, version, every)
     where g % k.every = 0`,
    [CONSENT_TEXTS.pd_processing.version, CONSENT_TEXTS.photo_video.version],
  );
  await db(
    `insert into navigator_assignments (participant_id, navigator_id, assigned_by, assigned_at)
     select ${idSql('pupil', 'g')}, ${idSql('navigator', `((g - 1) % ${schools}) * ${NAVIGATORS_PER_SCHOOL} + ((g - 1) / ${schools}) % ${NAVIGATORS_PER_SCHOOL} + 1`)},
       ${idSql('schoolStaff', `(g - 1) % ${schools} + 1`)}, now() - interval '200 days'
     from generate_series(1, ${n}) g where g % 10 <> 0`,
  );
}

interface Pattern {
  band: GradeBand;
  pattern: number;
  slot: number;
  testId: number;
  versionId: number;
  slug: string;
  scales: unknown;
  answers: Record<string, AnswerValue>;
  contributions: Contribution[];
  /** The footprint once this slot's test is done (the ones before it included), as the snapshot stores it. */
  snapshot: { directions: unknown; dimensions: unknown };
}

/** A valid answer to an item, varied by the pattern and the item's place. */
function answerOf(item: TestDefinition['items'][number], random: () => number): AnswerValue {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  switch (item.type) {
    case 'likert':
      return 1 + Math.floor(random() * item.points);
    case 'single':
    case 'forced':
      return pick(item.options).id;
    case 'multiple':
      return [pick(item.options).id];
    case 'ranking':
      return [...item.options].sort(() => random() - 0.5).map((o) => o.id);
    case 'numeric':
      return item.integer ? Math.round(item.min + random() * (item.max - item.min)) : item.min + random() * (item.max - item.min);
  }
}

/** Answer patterns scored by the app's own scoring, with what each leaves in the footprint. */
async function scoredPatterns(db: Sql): Promise<Pattern[]> {
  const slugs = [...new Set(Object.values(TESTS_BY_BAND).flat())];
  const versions = (await db(
    `select t.slug, v.test_id, v.id as version_id, v.definition from diagnostic_test_versions v join diagnostic_tests t on t.id = v.test_id
     where v.status = 'published' and t.status = 'published' and t.slug = any($1::text[])`,
    [slugs],
  )) as Array<{ slug: string; test_id: number; version_id: number; definition: TestDefinition }>;
  const bySlug = new Map(versions.map((v) => [v.slug, v]));
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length > 0) throw new Error(`The catalogue has no published ${missing.join(', ')}: run the generator on the project's catalogue`);
  let state = 20261207;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const patterns: Pattern[] = [];
  for (const [band, bandSlugs] of Object.entries(TESTS_BY_BAND) as Array<[GradeBand, readonly string[]]>) {
    for (let p = 0; p < PATTERNS; p++) {
      const done: Array<{ sourceKey: string } & Contribution> = [];
      bandSlugs.forEach((slug, slot) => {
        const v = bySlug.get(slug)!;
        const answers: Record<string, AnswerValue> = {};
        for (const item of v.definition.items) answers[item.id] = answerSchemaFor(item).parse(answerOf(item, random));
        const scales = scoreTest(v.definition, new Map(Object.entries(answers)), band);
        const contributions = contributionsOf(v.definition, scales);
        done.push(...contributions.map((c) => ({ sourceKey: `test:${slug}`, ...c })));
        const dimensions = aggregateFootprint(done);
        patterns.push({ band, pattern: p, slot, testId: v.test_id, versionId: v.version_id, slug, scales, answers, contributions, snapshot: { directions: directionMeans(dimensions), dimensions } });
      });
    }
  }
  return patterns;
}

/**
 * Completed attempts (four pupils in five have done their band's tests), their answers, the footprint
 * rows each test leaves and a snapshot after each, all copied from the scored patterns.
 */
async function insertDiagnostics(db: Sql, plan: ScalePlan, log: Log): Promise<void> {
  const patterns = await scoredPatterns(db);
  const schools = plan.schools.length;
  const bandSql = `(case when ${gradeSql(schools)} <= 7 then '6-7' when ${gradeSql(schools)} <= 9 then '8-9' else '10-11' end)`;
  const attemptNumber = `(g * 4 + p.slot)`;
  const completedSql = `(now() - make_interval(days => g % 200, hours => 4 - p.slot))`;
  const patternsJson = JSON.stringify(
    patterns.map((p) => ({ band: p.band, pattern: p.pattern, slot: p.slot, test_id: p.testId, version_id: p.versionId, slug: p.slug, scales: p.scales })),
  );
  const patternRows = `jsonb_to_recordset($1::jsonb) as p(band text, pattern int, slot int, test_id int, version_id int, slug text, scales jsonb)`;
  const from = `from generate_series(1, ${plan.pupils}) g join ${patternRows} on p.band = ${bandSql} and p.pattern = g % ${PATTERNS} where g % 5 <> ${TESTLESS}`;
  let started = performance.now();
  await db(
    `insert into diagnostic_attempts (id, participant_id, test_id, version_id, status, grade_band, seed, started_at, completed_at, scales)
     select ${idSql('attempt', attemptNumber)}, ${idSql('pupil', 'g')}, p.test_id, p.version_id, 'completed', p.band, g % 100000,
       ${completedSql} - interval '15 minutes', ${completedSql}, p.scales
     ${from}`,
    [patternsJson],
  );
  log(`  attempts: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const answersJson = JSON.stringify(
    patterns.flatMap((p) => Object.entries(p.answers).map(([item, value]) => ({ band: p.band, pattern: p.pattern, slot: p.slot, item, value }))),
  );
  await db(
    `insert into diagnostic_answers (attempt_id, item_id, value, answered_at)
     select ${idSql('attempt', attemptNumber)}, p.item, p.value, ${completedSql} - interval '1 minute'
     from generate_series(1, ${plan.pupils}) g
     join jsonb_to_recordset($1::jsonb) as p(band text, pattern int, slot int, item text, value jsonb) on p.band = ${bandSql} and p.pattern = g % ${PATTERNS}
     where g % 5 <> ${TESTLESS}`,
    [answersJson],
  );
  log(`  answers: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const contributionsJson = JSON.stringify(
    patterns.flatMap((p) => p.contributions.map((c) => ({ band: p.band, pattern: p.pattern, slot: p.slot, slug: p.slug, dimension: c.dimension, value: c.value, weight: c.weight }))),
  );
  await db(
    `insert into footprint_contributions (participant_id, source_key, dimension, value, weight, attempt_id, recorded_at)
     select ${idSql('pupil', 'g')}, 'test:' || p.slug, p.dimension, p.value, p.weight, ${idSql('attempt', attemptNumber)}, ${completedSql}
     from generate_series(1, ${plan.pupils}) g
     join jsonb_to_recordset($1::jsonb) as p(band text, pattern int, slot int, slug text, dimension text, value real, weight real)
       on p.band = ${bandSql} and p.pattern = g % ${PATTERNS}
     where g % 5 <> ${TESTLESS}`,
    [contributionsJson],
  );
  const snapshotsJson = JSON.stringify(patterns.map((p) => ({ band: p.band, pattern: p.pattern, slot: p.slot, slug: p.slug, ...p.snapshot })));
  await db(
    `insert into footprint_snapshots (participant_id, recorded_at, source_key, directions, dimensions)
     select ${idSql('pupil', 'g')}, ${completedSql}, 'test:' || p.slug, p.directions, p.dimensions
     from generate_series(1, ${plan.pupils}) g
     join jsonb_to_recordset($1::jsonb) as p(band text, pattern int, slot int, slug text, directions jsonb, dimensions jsonb)
       on p.band = ${bandSql} and p.pattern = g % ${PATTERNS}
     where g % 5 <> ${TESTLESS}`,
    [snapshotsJson],
  );
  log(`  footprint: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * N/100 trials at the venues, three in five already held (attendance marked) and the rest ahead,
 * one in five online; each has 10–29 of its region's pupils enrolled and its seats counted.
 */
async function insertEvents(db: Sql, plan: ScalePlan): Promise<number> {
  const count = Math.max(20, Math.round(plan.pupils / PUPILS_PER_EVENT));
  const v = plan.venues;
  const schools = plan.schools.length;
  const perSchool = Math.floor(plan.pupils / schools);
  await db(
    `insert into events (id, venue_id, competency_id, format, title, description, place_id, video_url, starts_at, ends_at, capacity, seats_taken,
        grade_from, grade_to, difficulty, status, submitted_at, reviewed_by, reviewed_at, published_at, created_by, created_at, updated_at)
     select ${idSql('event', 'e')}, ve.id, c.competency_id, case when e % 5 = 0 then 'online' else 'in_person' end,
       'Профессиональная проба № ' || e, 'Участники знакомятся с профессией и выполняют практическое задание под руководством наставника.',
       case when e % 5 = 0 then null else ${idSql('place', 've.n + 1')} end,
       case when e % 5 = 0 then 'https://video.bilet.test/trial/' || e end,
       s.starts_at, s.starts_at + interval '90 minutes', 30, 10 + e % 20, 6, 11,
       (array['basic', 'intermediate', 'advanced'])[1 + e % 3], 'published',
       s.starts_at - interval '30 days', ${idSql('coordinator', 've.region_id')}, s.starts_at - interval '28 days', s.starts_at - interval '28 days',
       ${idSql('venueStaff', 've.n + 1')}, s.starts_at - interval '31 days', s.starts_at - interval '28 days'
     from generate_series(1, ${count}) e
     join unnest($1::uuid[], $2::int[], $3::int[]) as ve(id, n, region_id) on ve.n = (e - 1) % ${v.length}
     join lateral (select case when e % 5 < 3 then date_trunc('day', now()) - make_interval(days => 1 + e % 150, hours => 14)
                               else date_trunc('day', now()) + make_interval(days => 1 + e % 60, hours => 7 + e % 4) end as starts_at) s on true
     join lateral (select competency_id from venue_competencies where venue_id = ve.id order by competency_id offset e % 3 limit 1) c on true`,
    [v.map((x) => x.id), v.map((x) => x.index), v.map((x) => x.regionId)],
  );
  await db(
    `insert into event_mentors (event_id, mentor_id)
     select ${idSql('event', 'e')}, ${idSql('mentor', `((e - 1) % ${v.length}) * ${MENTORS_PER_VENUE} + e % ${MENTORS_PER_VENUE} + 1`)}
     from generate_series(1, ${count}) e`,
  );
  // Enrolled pupils come from the event's region: its school first + (e + k) mod count, rank (13e + k) mod the pupils per school.
  const venueOfEvent = Array.from({ length: count }, (_, i) => v[i % v.length]!);
  await db(
    `insert into enrolments (event_id, participant_id, status, source, created_by, created_at, confirmed_at, attendance, attendance_marked_at)
     select ev.id, ${idSql('pupil', 'x.g')}, 'confirmed', 'catalogue', ${idSql('pupil', 'x.g')},
       least(now(), ev.starts_at - interval '7 days'), least(now(), ev.starts_at - interval '7 days'),
       case when ev.ends_at < now() then case when k % 9 = 0 then 'absent' else 'present' end end,
       case when ev.ends_at < now() then ev.ends_at end
     from unnest($1::int[], $2::int[]) with ordinality as ve(first_school, school_count, e)
     join events ev on ev.id = ${idSql('event', 've.e')}
     cross join generate_series(1, 10 + ve.e::int % 20) k
     cross join lateral (select ve.first_school + (ve.e + k) % ve.school_count + 1 + ((13 * ve.e + k) % ${perSchool}) * ${schools} as g) x`,
    [venueOfEvent.map((x) => x.firstSchool), venueOfEvent.map((x) => x.schoolCount)],
  );
  return count;
}

export interface ScaleSummary {
  plan: ScalePlan;
  seconds: number;
  totpSecret: string;
}

/**
 * Fills an app database that holds the reference and demo data (and nothing generated yet). The
 * generator writes on a connection of its own with the row triggers off (session_replication_role
 * = replica), so a million rows do not fire a million KPI marks and recommendation bumps, nor
 * check every foreign key one by one: the rows are related by construction. What those triggers
 * keep is made whole afterwards, set-based: the schools' pupil counters (migration 0017) recounted,
 * the regions' recommendation inputs bumped for their new events, every KPI figure rebuilt.
 */
export async function seedScale(ctx: AppContext, pupils: number, log: Log, opts: { recountKpi?: boolean } = {}): Promise<ScaleSummary> {
  if (ctx.database.kind !== 'postgres' || !ctx.config.databaseUrl) {
    throw new Error('The scale generator needs PostgreSQL (DATABASE_URL); the embedded PGlite is for the demo data');
  }
  const started = performance.now();
  const client = new pg.Client({ connectionString: ctx.config.databaseUrl });
  await client.connect();
  const db: Sql = async (text, values) => (await client.query(text, values)).rows as Array<Record<string, unknown>>;
  try {
    const [existing] = await db(`select count(*)::int as n from accounts where email like '%@scale.bilet.test'`);
    if (Number(existing?.n) > 0) throw new Error('This database already holds generated data: seed:scale fills a fresh one');
    await db('set session_replication_role = replica');
    // Each attempt's result is a few kilobytes of JSON: lz4 compresses it several times faster than pglz.
    await db(`set default_toast_compression = 'lz4'`);
    const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const at = performance.now();
      log(`${label} …`);
      const result = await work();
      log(`  done in ${((performance.now() - at) / 1000).toFixed(1)} s`);
      return result;
    };
    const plan = await planSchools(db, pupils);
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
    await step(`${fmt(plan.schools.length)} schools in ${plan.regions.length} regions, ${fmt(plan.venues.length)} venues`, () => insertOrganisations(db, plan));
    await step('staff: school accounts, navigators, coordinators, venue staff and mentors', () => insertStaff(ctx, db, plan, passwordHash, totpSecret));
    await step(`${fmt(pupils)} pupils and their parents`, () => insertPeople(ctx, db, plan, passwordHash, log));
    await step('family links, consents, navigators assigned', () => insertFamiliesAndAssignments(db, plan));
    await step('diagnostics: attempts, answers, footprint', () => insertDiagnostics(db, plan, log));
    const events = await step('events and enrolments', () => insertEvents(db, plan));
    await step('what the row triggers keep: list keys beside the scope, school counters, recommendation inputs', async () => {
      // The pupils' names and status beside their scope, as the insert trigger of migration 0020 sets them.
      await db(`update participant_profiles pp set
          last_name_key = participant_list_key(a.last_name), first_name_key = participant_list_key(a.first_name),
          middle_name_key = participant_list_key(a.middle_name),
          search_text = participant_list_key(concat_ws(' ', a.last_name, a.first_name, a.middle_name, a.email)),
          account_status = a.status, created_at = a.created_at
        from accounts a where a.id = pp.account_id and pp.account_id::text like '${prefix('pupil')}%'`);
      await db('set session_replication_role = origin');
      await db(`update schools s set pupils_count = c.n
        from (select school_id, count(*)::int as n from participant_profiles where school_id is not null group by school_id) c
        where c.school_id = s.id and s.pupils_count <> c.n`);
      await db(`select recommendation_inputs_bump('region:' || region_id) from (select distinct region_id from venues where id::text like '${prefix('venue')}%') r`);
    });
    // The KPI triggers' marks, set-based: the app's refresh job (or --recount-kpi here) counts them in.
    await db(`insert into kpi_dirty (kind, key)
      select 'pupil', account_id from participant_profiles where account_id::text like '${prefix('pupil')}%'
      union all select 'event', id from events where id::text like '${prefix('event')}%'
      on conflict do nothing`);
    await step('statistics for the planner', () => db('vacuum analyze'));
    const sources = opts.recountKpi ? await step('KPI figures recounted', () => refreshFigures(ctx)) : null;
    const [counts] = await db(
      `select (select count(*)::int from participant_profiles) as pupils, (select count(*)::int from footprint_contributions) as footprint,
         (select count(*)::int from enrolments) as enrolments, (select count(*)::int from diagnostic_answers) as answers`,
    );
    log(
      `Generated ${fmt(pupils)} pupils (${fmt(Number(counts!.pupils))} in the database with the demo's), ${fmt(events)} events, ` +
        `${fmt(Number(counts!.enrolments))} enrolments, ${fmt(Number(counts!.answers))} answers, ${fmt(Number(counts!.footprint))} footprint rows; ` +
        (sources === null ? 'KPI sources marked for the refresh job' : `${fmt(sources)} KPI sources recounted`),
    );
    return { plan, seconds: (performance.now() - started) / 1000, totpSecret };
  } finally {
    await client.end();
  }
}

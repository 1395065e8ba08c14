import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { KPI_METRICS, metricsOfLevel, rowFigures, type KpiLevel } from '@common/kpi.js';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import { todayInMoscow } from '@common/validators.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { metricValue } from '../figures.js';
import { refreshFigures } from '../refresh.service.js';
import { sendWeeklyDigests } from '../kpi-digest.service.js';
import type { Counters } from '../refresh.repository.js';

let t: TestApp;
let kirov: Place;
let tatarstan: Place;
let seasonId: number;
let schoolA1: string;
let schoolA2: string;
let schoolB1: string;
let venueV: string;
let venueB: string;
let issuer: StaffMember;
let coordinator: StaffMember;
let foreignCoordinator: StaffMember;
let schoolStaff: StaffMember;
let venueStaff: StaffMember;
let navigator: StaffMember;
let otherNavigator: StaffMember;
let mentor: StaffMember;

const SEASON = { from: '2026-09-01', to: '2027-05-31' };
const PUPILS = 120;

/** Pupil number g as a uuid, so every fact can name it without a lookup. */
const pupil = (g: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${g}), 12, '0'))::uuid`);
const parent = (g: string) => sql.raw(`('00000000-0000-4000-9000-' || lpad(to_hex(${g}), 12, '0'))::uuid`);
const event = (n: string) => sql.raw(`('00000000-0000-4000-a000-' || lpad(to_hex(${n}), 12, '0'))::uuid`);

async function dashboard(member: StaffMember, query = ''): Promise<KpiDashboard> {
  const res = await t.api<KpiDashboard>('GET', `/api/kpi/dashboard?from=${SEASON.from}&to=${SEASON.to}${query}`, { cookie: member.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/**
 * The counters of a scope over the whole season counted straight from the facts, written apart
 * from the refresh's SQL: which pupils, which events for the pupils' attendance, which events
 * for trials and seats, which support requests.
 */
async function counted(f: { pupils: SQL; events: SQL; eventScope: SQL; support: SQL }): Promise<Counters> {
  const day = (x: string) => sql.raw(`(${x} at time zone 'Europe/Moscow')::date`);
  const [row] = await t.rows<Counters>(sql`with sd as (
      select r.id as region_id, coalesce(rs.starts_on, s.starts_on) as s0, coalesce(rs.ends_on, s.ends_on) as s1
      from regions r cross join seasons s left join region_seasons rs on rs.region_id = r.id and rs.season_id = s.id
      where s.id = ${seasonId}
    ),
    pu as (
      select a.id, a.created_at, a.status, sd.s0, sd.s1 from accounts a
      join participant_profiles pp on pp.account_id = a.id join sd on sd.region_id = pp.region_id
      where a.role = 'participant' and ${f.pupils}
    ),
    reg as (select * from pu where ${day('pu.created_at')} between s0 and s1),
    att as (
      select pu.id as pid, v.duration_minutes as m from pu
      join diagnostic_attempts d on d.participant_id = pu.id and d.status = 'completed'
      join diagnostic_test_versions v on v.id = d.version_id
      where ${day('d.completed_at')} between pu.s0 and pu.s1
    ),
    en as (
      select pu.id as pid, x.attendance, x.feedback_at, e.starts_at, e.ends_at, x.attendance in ('present', 'late') as came,
        ${day('e.starts_at')} between pu.s0 and pu.s1 as starts_in, ${day('e.ends_at')} between pu.s0 and pu.s1 as ends_in
      from pu join enrolments x on x.participant_id = pu.id and (x.status = 'confirmed' or x.attendance is not null)
      join events e on e.id = x.event_id and e.status = 'published'
      where ${f.events}
    ),
    act as (
      select pid, m from att
      union all select pid, extract(epoch from ends_at - starts_at) / 60 from en where came and starts_in
    ),
    per_pupil as (select pid, sum(m) as m from act group by pid),
    ev as (
      select e.* from events e join venues v on v.id = e.venue_id join sd on sd.region_id = v.region_id
      where e.status = 'published' and ${f.eventScope}
    ),
    evd as (
      select ev.*, ${day('ev.starts_at')} between sd.s0 and sd.s1 as starts_in, ${day('ev.ends_at')} between sd.s0 and sd.s1 as ends_in
      from ev join venues v on v.id = ev.venue_id join sd on sd.region_id = v.region_id
    ),
    sr as (
      select r.* from support_requests r join sd on sd.region_id = r.region_id
      where r.intake_outcome = 'accepted' and ${day('r.created_at')} between sd.s0 and sd.s1 and ${f.support}
    )
    select
      (select count(*) from reg)::int as registered,
      (select count(*) from reg where status = 'active')::int as activated,
      (select count(*) from reg where exists (select 1 from family_links l where l.child_id = reg.id and ${day('l.created_at')} <= reg.s1))::int as parent_linked,
      (select count(*) from reg where exists (select 1 from consents c where c.child_id = reg.id and c.kind = 'pd_processing'
        and c.withdrawn_at is null and ${day('c.given_at')} <= reg.s1))::int as consent_given,
      (select count(distinct pid) from att)::int as tested,
      (select count(*) from att)::int as attempts,
      (select count(distinct pid) from en where starts_in)::int as enrolled,
      (select count(distinct pid) from en where starts_in and came)::int as attended,
      (select count(*) from en where starts_in and attendance is not null)::int as marks,
      (select count(*) from en where starts_in and attendance = 'absent')::int as absences,
      (select count(*) from evd where ends_in and ends_at <= now())::int as trials_held,
      (select coalesce(sum(capacity), 0) from evd where starts_in)::int as seats_offered,
      (select coalesce(sum(seats_taken), 0) from evd where starts_in)::int as seats_filled,
      (select count(*) from en where came and ends_in and feedback_at <= ends_at + interval '48 hours')::int as feedback_on_time,
      (select count(*) from en where came and ends_in and (feedback_at is not null or ends_at + interval '48 hours' < now()))::int as feedback_due,
      (select count(*) from pu where (select ${day('min(v.published_at)')} from study_plan_versions v where v.participant_id = pu.id) between pu.s0 and pu.s1)::int as plans_published,
      (select count(*) from sr where first_answered_at <= due_at)::int as support_in_sla,
      (select count(*) from sr where first_answered_at is not null or due_at < now())::int as support_due,
      (select coalesce(sum(m), 0) from act)::int as guidance_minutes,
      (select count(*) from per_pupil where m > 0)::int as guidance_pupils,
      (select count(*) from per_pupil where m >= 2400)::int as min_40h`);
  return row!;
}

function expectFigures(board: KpiDashboard, level: KpiLevel, expected: Counters) {
  const metrics = metricsOfLevel(level);
  expect(board.figures.map((f) => f.metric)).toEqual(metrics);
  for (const f of board.figures) expect({ metric: f.metric, value: f.value }).toEqual({ metric: f.metric, value: metricValue(f.metric, expected) });
}

const ALL = sql`true`;

beforeAll(async () => {
  t = await startTestApp();
  kirov = await regionByCode(t, '43');
  tatarstan = await regionByCode(t, '16');
  const [s] = await t.rows<{ id: number }>(
    sql`insert into seasons (name, starts_on, ends_on) values ('2025/26', '2025-09-01', '2026-05-31'), ('2026/27', ${SEASON.from}, ${SEASON.to}) returning id`,
  );
  seasonId = s!.id + 1;
  // Kirov starts its season a fortnight later: what happens before belongs to no season there.
  await t.rows(sql`insert into region_seasons (region_id, season_id, starts_on, ends_on) values (${kirov.regionId}, ${seasonId}, '2026-09-15', ${SEASON.to})`);

  schoolA1 = (await createSchool(t, kirov, 'Лицей А1')).id;
  schoolA2 = (await createSchool(t, kirov, 'Гимназия А2')).id;
  schoolB1 = (await createSchool(t, tatarstan, 'Школа Б1')).id;
  venueV = (await createVenue(t, kirov, 'Колледж В')).id;
  venueB = (await createVenue(t, tatarstan, 'Колледж Б')).id;
  issuer = await createStaff(t, 'issuer_admin');
  coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
  foreignCoordinator = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
  schoolStaff = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: schoolA1 });
  venueStaff = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venueV });
  navigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId: schoolA1 });
  otherNavigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId: schoolA2 });
  mentor = await createStaff(t, 'mentor', { regionId: kirov.regionId, venueId: venueV });

  // Pupils over three schools in two regions, registered from September to December and some the season before.
  await t.rows(sql`insert into accounts (id, role, email, status, last_name, first_name, created_at)
    select ${pupil('g')}, 'participant', 'kpi-pupil-' || g || '@test.local', case when g % 4 = 0 then 'pending' else 'active' end, 'Учеников', 'Пётр',
      case when g % 10 = 0 then timestamptz '2026-03-10 12:00+03' else timestamptz '2026-09-01 12:00+03' + make_interval(days => (g * 7) % 95) end
    from generate_series(1, ${PUPILS}) g`);
  await t.rows(sql`insert into participant_profiles (account_id, grade, region_id, city_id, school_id, snils_enc, identity_bidx)
    select ${pupil('g')}, 6 + g % 6,
      case when g % 3 = 2 then ${tatarstan.regionId}::int else ${kirov.regionId}::int end,
      case when g % 3 = 2 then ${tatarstan.cityId}::int else ${kirov.cityId}::int end,
      case g % 3 when 0 then ${schoolA1}::uuid when 1 then ${schoolA2}::uuid else ${schoolB1}::uuid end,
      'kpi', 'kpi-' || g
    from generate_series(1, ${PUPILS}) g`);
  await t.rows(sql`insert into accounts (id, role, email, status, last_name, first_name)
    select ${parent('g')}, 'parent', 'kpi-parent-' || g || '@test.local', 'active', 'Родителев', 'Иван' from generate_series(2, ${PUPILS}, 2) g`);
  await t.rows(sql`insert into family_links (parent_id, child_id, created_at)
    select ${parent('g')}, ${pupil('g')}, a.created_at + interval '1 day' from generate_series(2, ${PUPILS}, 2) g join accounts a on a.id = ${pupil('g')}`);
  await t.rows(sql`insert into consents (child_id, parent_id, kind, text_version, given_at, withdrawn_at)
    select ${pupil('g')}, ${parent('g')}, 'pd_processing', 'v1', a.created_at + interval '2 days', case when g % 4 = 0 then a.created_at + interval '5 days' end
    from generate_series(2, ${PUPILS}, 2) g join accounts a on a.id = ${pupil('g')} where g % 3 <> 1`);
  await t.rows(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at)
    select ${pupil('g')}, v.test_id, v.id, 'completed', '6-7', 1, a.created_at + make_interval(days => k)
    from generate_series(1, ${PUPILS}, 2) g cross join generate_series(1, 3) k
    join accounts a on a.id = ${pupil('g')}
    join lateral (select id, test_id from diagnostic_test_versions where status = 'published' order by id offset k - 1 limit 1) v on true
    where k <= 1 + g % 3`);

  // Seven events at Kirov's venue (one a 41-hour camp, one still to come, one cancelled) and one in Tatarstan.
  const [competency] = await t.rows<{ id: number }>(sql`select id from competencies order by id limit 1`);
  await t.rows(sql`insert into events (id, venue_id, competency_id, format, title, description, video_url, starts_at, ends_at, capacity, grade_from, grade_to, difficulty, status, created_by)
    select ${event('n')}, case when n = 8 then ${venueB}::uuid else ${venueV}::uuid end, ${competency!.id}::int, 'online', 'Проба № ' || n, 'Проба', 'https://video.example.ru/x',
      case when n = 7 then timestamptz '2027-01-20 10:00+03' else timestamptz '2026-10-01 10:00+03' + make_interval(days => n * 5) end,
      case when n = 6 then timestamptz '2026-10-01 10:00+03' + make_interval(days => 30, hours => 41)
           when n = 7 then timestamptz '2027-01-20 13:00+03'
           else timestamptz '2026-10-01 13:00+03' + make_interval(days => n * 5) end,
      20, 6, 11, 'basic', case when n = 5 then 'cancelled' else 'published' end, ${venueStaff.accountId}::uuid
    from generate_series(1, 8) n`);
  await t.rows(sql`insert into event_mentors (event_id, mentor_id) select ${event('n')}, ${mentor.accountId}::uuid from generate_series(1, 3) n`);
  await t.rows(sql`insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at, attendance, attendance_marked_at, feedback_at)
    select ${event('1 + g % 8')}, ${pupil('g')}, case when g % 11 = 0 then 'cancelled' else 'confirmed' end, 'catalogue', ${pupil('g')}, now(),
      case when 1 + g % 8 = 7 then null when g % 7 = 0 then 'absent' when g % 7 = 1 then 'late' else 'present' end,
      case when 1 + g % 8 <> 7 then now() end,
      case when 1 + g % 8 = 7 or g % 7 = 0 then null when g % 2 = 0 then e.ends_at + interval '10 hours' when g % 3 = 0 then e.ends_at + interval '72 hours' end
    from generate_series(1, ${PUPILS}) g join events e on e.id = ${event('1 + g % 8')}
    where g % 5 in (0, 1, 2)`);
  await t.rows(sql`update events e set seats_taken = (select count(*) from enrolments x where x.event_id = e.id and x.status = 'confirmed')`);

  await t.rows(sql`insert into navigator_assignments (participant_id, navigator_id, assigned_by)
    select ${pupil('g')}, ${navigator.accountId}::uuid, ${schoolStaff.accountId}::uuid from generate_series(3, ${PUPILS}, 3) g where g % 2 = 0`);
  await t.rows(sql`insert into study_plan_versions (participant_id, version, content, published_by, published_at)
    select ${pupil('g')}, k, '{}'::jsonb, ${navigator.accountId}::uuid, a.created_at + make_interval(days => 20 * k)
    from generate_series(6, ${PUPILS}, 6) g cross join generate_series(1, 2) k join accounts a on a.id = ${pupil('g')}`);

  await t.rows(sql`insert into support_requests (channel, region_id, last_name, first_name, email, topic, text, status, intake_outcome,
      access_token_hash, reply_token_hash, created_at, due_at, first_answered_at)
    select 'form', case when k % 4 = 3 then ${tatarstan.regionId}::int else ${kirov.regionId}::int end, 'Заявитель', 'Анна', 'kpi-support@test.local', 'other', 'Вопрос',
      'answered', case when k = 5 then 'no_answer' else 'accepted' end, 'a' || k, 'r' || k,
      timestamptz '2026-10-05 10:00+03' + make_interval(days => k), timestamptz '2026-10-06 10:00+03' + make_interval(days => k),
      case k % 3 when 0 then timestamptz '2026-10-05 12:00+03' + make_interval(days => k) when 1 then timestamptz '2026-10-07 10:00+03' + make_interval(days => k) end
    from generate_series(1, 12) k`);

  for (let i = 0; i < 28; i += 1) await createSchool(t, kirov, `Школа для страниц № ${String(i).padStart(2, '0')}`);
  await refreshFigures(t.app.ctx);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('KPI dashboards against a direct count', () => {
  it('the issuer sees the whole programme and its regions with their districts', async () => {
    const board = await dashboard(issuer);
    expect(board.scope).toEqual({ level: 'federal', id: null, name: 'Вся программа' });
    expectFigures(board, 'federal', await counted({ pupils: ALL, events: ALL, eventScope: ALL, support: ALL }));
    expect(board.refreshSeconds).toBe(60);
    expect(board.updatedAt).not.toBeNull();
    const regions = board.children[0]!;
    expect(regions.kind).toBe('regions');
    expect(regions.rows).toHaveLength(25);
    expect(regions.nextCursor).not.toBeNull();
    expect(regions.targetsEditable).toBe(true);
    const kirovRow = (await dashboard(issuer, `&level=region&id=${kirov.regionId}`)).path;
    expect(kirovRow.map((p) => p.level)).toEqual(['federal', 'region']);
  });

  it('the coordinator sees its region, its schools and venues', async () => {
    const board = await dashboard(coordinator);
    expect(board.scope).toMatchObject({ level: 'region', id: String(kirov.regionId), name: 'Кировская область' });
    expect(board.season).toMatchObject({ id: seasonId, startsOn: '2026-09-15' });
    const expected = await counted({
      pupils: sql`pp.region_id = ${kirov.regionId}`,
      events: ALL,
      eventScope: sql`v.region_id = ${kirov.regionId}`,
      support: sql`r.region_id = ${kirov.regionId}`,
    });
    expect(expected.registered).toBeGreaterThan(0);
    expect(expected.guidance_minutes).toBeGreaterThan(0);
    expect(expected.min_40h).toBeGreaterThan(0);
    expectFigures(board, 'region', expected);
    expect(board.path.map((p) => p.level)).toEqual(['region']);

    const [schools, venues] = board.children;
    expect(schools!.kind).toBe('schools');
    expect(schools!.rows).toHaveLength(25);
    const a2 = schools!.rows.find((r) => r.ref?.id === schoolA2)!;
    const a2Expected = await counted({ pupils: sql`pp.school_id = ${schoolA2}`, events: ALL, eventScope: sql`false`, support: sql`false` });
    for (const f of rowFigures(schools!.metrics, a2)) expect({ metric: f.metric, value: f.value }).toEqual({ metric: f.metric, value: metricValue(f.metric, a2Expected) });
    const next = await dashboard(coordinator, `&cursor=${schools!.nextCursor}`);
    expect(next.children[0]!.rows).toHaveLength(30 - 25);
    expect(next.children[0]!.nextCursor).toBeNull();
    expect(new Set([...schools!.rows, ...next.children[0]!.rows].map((r) => r.ref!.id)).size).toBe(30);
    expect(venues!.rows.map((r) => r.ref!.id)).toEqual([venueV]);
  });

  it('the school sees its classes and navigators; the navigator its pupils by stage', async () => {
    const board = await dashboard(schoolStaff);
    expectFigures(board, 'school', await counted({ pupils: sql`pp.school_id = ${schoolA1}`, events: ALL, eventScope: sql`false`, support: sql`false` }));
    const [classes, navigators] = board.children;
    expect(classes!.rows.map((r) => r.note)).toEqual(['6 класс', '7 класс', '8 класс', '9 класс', '10 класс', '11 класс']);
    const sixth = await counted({ pupils: sql`pp.school_id = ${schoolA1} and pp.grade = 6`, events: ALL, eventScope: sql`false`, support: sql`false` });
    expect(rowFigures(classes!.metrics, classes!.rows[0]!).find((f) => f.metric === 'pupils_registered')!.value).toBe(sixth.registered);
    expect(navigators!.rows.map((r) => r.ref!.id)).toEqual([navigator.accountId]);
    expect(navigators!.targetsEditable).toBe(true);

    const own = await dashboard(navigator);
    expectFigures(
      own,
      'navigator',
      await counted({
        pupils: sql`exists (select 1 from navigator_assignments na where na.participant_id = pp.account_id and na.navigator_id = ${navigator.accountId})`,
        events: ALL,
        eventScope: sql`false`,
        support: sql`false`,
      }),
    );
    const stages = own.children[0]!;
    expect(stages.kind).toBe('stages');
    const [assigned] = await t.rows<{ n: number }>(sql`select count(*)::int as n from navigator_assignments where navigator_id = ${navigator.accountId}`);
    expect(stages.rows.reduce((n, r) => n + (r.count ?? 0), 0)).toBe(assigned!.n);
  });

  it('the venue sees its events, places and mentors; the mentor its events', async () => {
    const board = await dashboard(venueStaff);
    expectFigures(board, 'venue', await counted({ pupils: ALL, events: sql`e.venue_id = ${venueV}`, eventScope: sql`e.venue_id = ${venueV}`, support: sql`false` }));
    const [events, mentors] = board.children;
    expect(events!.kind).toBe('events');
    expect(events!.rows).toHaveLength(6);
    expect(mentors!.rows.map((r) => r.ref!.id)).toEqual([mentor.accountId]);

    const own = await dashboard(mentor);
    const mine = sql`exists (select 1 from event_mentors m where m.event_id = e.id and m.mentor_id = ${mentor.accountId})`;
    expectFigures(own, 'mentor', await counted({ pupils: ALL, events: mine, eventScope: mine, support: sql`false` }));
    expect(own.children[0]!.rows).toHaveLength(3);
  });

  it('follows a fact within a refresh', async () => {
    const before = (await dashboard(schoolStaff)).figures.find((f) => f.metric === 'pupils_tested')!.value!;
    const [untested] = await t.rows<{ id: string }>(sql`select pp.account_id as id from participant_profiles pp
      where pp.school_id = ${schoolA1} and not exists (select 1 from diagnostic_attempts d where d.participant_id = pp.account_id)
        and exists (select 1 from accounts a where a.id = pp.account_id and a.created_at > '2026-09-20')
      limit 1`);
    await t.rows(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at)
      select ${untested!.id}, test_id, id, 'completed', '6-7', 1, now() from diagnostic_test_versions where status = 'published' order by id limit 1`);
    expect((await dashboard(schoolStaff)).figures.find((f) => f.metric === 'pupils_tested')!.value).toBe(before);
    await refreshFigures(t.app.ctx);
    expect((await dashboard(schoolStaff)).figures.find((f) => f.metric === 'pupils_tested')!.value).toBe(before + 1);
    expectFigures(
      await dashboard(coordinator),
      'region',
      await counted({
        pupils: sql`pp.region_id = ${kirov.regionId}`,
        events: ALL,
        eventScope: sql`v.region_id = ${kirov.regionId}`,
        support: sql`r.region_id = ${kirov.regionId}`,
      }),
    );
  });
});

describe('KPI scopes', () => {
  it('answers 404 for another region, school, venue or person', async () => {
    const get = (member: StaffMember, q: string) => t.api('GET', `/api/kpi/dashboard?${q}`, { cookie: member.cookie });
    expect((await get(foreignCoordinator, `level=region&id=${kirov.regionId}`)).status).toBe(404);
    expect((await get(foreignCoordinator, `level=school&id=${schoolA1}`)).status).toBe(404);
    expect((await get(coordinator, 'level=federal')).status).toBe(404);
    expect((await get(schoolStaff, `level=school&id=${schoolA2}`)).status).toBe(404);
    expect((await get(schoolStaff, `level=navigator&id=${otherNavigator.accountId}`)).status).toBe(404);
    expect((await get(schoolStaff, `level=navigator&id=${navigator.accountId}`)).status).toBe(200);
    expect((await get(navigator, `level=navigator&id=${otherNavigator.accountId}`)).status).toBe(404);
    expect((await get(venueStaff, `level=venue&id=${venueB}`)).status).toBe(404);
    expect((await get(mentor, `level=venue&id=${venueV}`)).status).toBe(404);
    expect((await get(coordinator, `level=school&id=${schoolB1}`)).status).toBe(404);
    const missing = await get(coordinator, 'level=school&id=00000000-0000-4000-8000-999999999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Показатели не найдены');
  });

  it('refuses bad input in Russian', async () => {
    const bad = async (q: string) => {
      const res = await t.api('GET', `/api/kpi/dashboard?${q}`, { cookie: coordinator.cookie });
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).toMatch(/[а-яё]/i);
    };
    await bad('level=planet');
    await bad('level=school&id=abc');
    await bad('from=2026-13-01');
    await bad('from=2026-12-01&to=2026-11-01');
    await bad('cursor=not-a-cursor');
    await bad('from=2030-01-01&to=2030-02-01');
    expect((await t.api('GET', `/api/kpi/dashboard?season=999`, { cookie: coordinator.cookie })).status).toBe(404);
  });
});

describe('KPI targets', () => {
  const put = (member: StaffMember, body: unknown) => t.api('PUT', '/api/kpi/targets', { cookie: member.cookie, body });

  it('lets each level set the targets of the level below, and shows progress', async () => {
    expect((await put(issuer, { season: seasonId, level: 'region', id: String(kirov.regionId), targets: { pupils_registered: 10 } })).status).toBe(200);
    const region = await dashboard(coordinator);
    const registered = region.figures.find((f) => f.metric === 'pupils_registered')!;
    expect(registered).toMatchObject({ target: 10, status: 'met', progress: 1 });
    expect(region.targetsEditable).toBe(false);

    expect((await put(coordinator, { season: seasonId, level: 'school', id: schoolA1, targets: { pupils_tested: 1000, no_show_rate: 0.1 } })).status).toBe(200);
    const school = await dashboard(schoolStaff);
    expect(school.figures.find((f) => f.metric === 'pupils_tested')).toMatchObject({ target: 1000, status: 'behind' });
    const [schools] = (await dashboard(coordinator)).children;
    const row = schools!.rows.find((r) => r.ref?.id === schoolA1)!;
    expect(rowFigures(schools!.metrics, row).find((f) => f.metric === 'pupils_tested')).toMatchObject({ target: 1000, status: 'behind' });
    expect((await put(coordinator, { season: seasonId, level: 'school', id: schoolA1, targets: { pupils_tested: null } })).status).toBe(200);
    expect((await dashboard(schoolStaff)).figures.find((f) => f.metric === 'pupils_tested')).toMatchObject({ target: null, status: 'none' });

    expect((await put(schoolStaff, { season: seasonId, level: 'navigator', id: navigator.accountId, targets: { plans_published: 5 } })).status).toBe(200);
    expect((await dashboard(navigator)).figures.find((f) => f.metric === 'plans_published')!.target).toBe(5);

    const audit = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'kpi.targets_set'`);
    expect(audit[0]!.n).toBe(4);
  });

  it('keeps the setter rules', async () => {
    expect((await put(coordinator, { season: seasonId, level: 'region', id: String(kirov.regionId), targets: { pupils_registered: 5 } })).status).toBe(403);
    expect((await put(foreignCoordinator, { season: seasonId, level: 'school', id: schoolA1, targets: { pupils_registered: 5 } })).status).toBe(404);
    expect((await put(issuer, { season: seasonId, level: 'school', id: schoolA1, targets: { pupils_registered: 5 } })).status).toBe(403);
    expect((await put(schoolStaff, { season: seasonId, level: 'navigator', id: otherNavigator.accountId, targets: { plans_published: 5 } })).status).toBe(404);
    expect((await put(venueStaff, { season: seasonId, level: 'venue', id: venueV, targets: { trials_held: 5 } })).status).toBe(403);
    expect((await put(coordinator, { season: 999, level: 'school', id: schoolA1, targets: { pupils_registered: 5 } })).status).toBe(404);
  });

  it('refuses bad targets in Russian', async () => {
    const refused = async (body: unknown) => {
      const res = await put(coordinator, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/[а-яё]/i);
    };
    await refused({ season: seasonId, level: 'school', id: schoolA1, targets: { pupils_registered: -1 } });
    await refused({ season: seasonId, level: 'school', id: schoolA1, targets: { nonsense: 1 } });
    await refused({ season: seasonId, level: 'school', id: schoolA1, targets: { trials_held: 3 } });
    await refused({ season: seasonId, level: 'school', id: schoolA1, targets: { no_show_rate: 5 } });
    await refused({ season: seasonId, level: 'federal', id: '1', targets: {} });
  });

  it('lists the seasons with the region’s own dates', async () => {
    const today = todayInMoscow();
    const res = await t.api('GET', '/api/kpi/seasons', { cookie: coordinator.cookie });
    expect(res.status).toBe(200);
    expect(res.body.seasons).toEqual([
      { id: seasonId - 1, name: '2025/26', startsOn: '2025-09-01', endsOn: '2026-05-31', current: today >= '2025-09-01' && today <= '2026-05-31' },
      { id: seasonId, name: '2026/27', startsOn: '2026-09-15', endsOn: '2027-05-31', current: today >= '2026-09-15' && today <= '2027-05-31' },
    ]);
  });
});

describe('KPI exports and the season report', () => {
  const download = (member: StaffMember, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: member.cookie, origin: t.baseUrl } });

  it('exports every school of the region, not one page of them, as a workbook that opens', async () => {
    const res = await download(coordinator, `/api/kpi/export?table=children&format=xlsx&from=${SEASON.from}&to=${SEASON.to}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kpi_region-\d+_[^"]+\.xlsx"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const schools = book.worksheets.find((w) => w.name.startsWith('Школы'))!;
    const names = (await dashboard(coordinator)).children[0]!.rows.map((r) => r.ref!.name);
    const cells = schools.getSheetValues().flat().map(String);
    for (const name of names) expect(cells).toContain(name);
    const header = schools.getSheetValues().findIndex((row) => Array.isArray(row) && row.includes('Школа'));
    expect(schools.rowCount - header).toBe(30);
  });

  it('exports the figures as CSV in Windows-1251 for old Excel', async () => {
    const res = await download(coordinator, '/api/kpi/export?table=figures&format=csv-1251');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/windows-1251/);
    const text = iconv.decode(res.rawPayload, 'win1251');
    expect(text).toContain(KPI_METRICS.pupils_registered.name);
  });

  it('gives the coordinator its region’s season report as a PDF; a venue’s report or another region’s is refused', async () => {
    const res = await download(coordinator, '/api/kpi/report');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const venue = await t.api('GET', '/api/kpi/report', { cookie: venueStaff.cookie });
    expect(venue.status).toBe(400);
    expect(venue.body.error.message).toMatch(/региона или школы/);
    expect((await download(foreignCoordinator, `/api/kpi/report?level=school&id=${schoolA1}`)).statusCode).toBe(404);
    expect((await download(coordinator, '/api/kpi/export?table=figures&format=pdf')).statusCode).toBe(400);
  });

  it('mails the weekly digest to the coordinator and the school with their own figures and a link to the page', async () => {
    const sent = await sendWeeklyDigests(t.app.ctx, t.app.log);
    expect(sent.scopes).toBeGreaterThanOrEqual(2);
    const toCoordinator = await t.waitForMail(coordinator.email, /Показатели за неделю: Кировская область/);
    expect(toCoordinator.text).toContain(KPI_METRICS.pupils_registered.name);
    expect(toCoordinator.text).toContain(`/staff/kpi/region/${kirov.regionId}`);
    const toSchool = await t.waitForMail(schoolStaff.email, /Показатели за неделю/);
    expect(toSchool.text).toContain('/staff/kpi/school/');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AUDIT_EXPORT_LIMIT } from '@common/audit.js';
import { recordAudit, raiseRevealAlerts } from '@server/modules/audit/index.js';
import { firstRegionWithSchools, registerPupil, type Pupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

let t: TestApp;
let issuer: StaffMember;
let coordinator: StaffMember;
let otherCoordinator: StaffMember;
let school: StaffMember;
let otherSchool: StaffMember;
let pupil: Pupil;
let otherPupil: Pupil;

const VIEWS = 5;
const asActor = (m: StaffMember) => ({ actorId: m.accountId, actorRole: m.role, ip: '10.0.0.1' });

beforeAll(async () => {
  t = await startTestApp({ PD_REVEAL_ALERT_PER_HOUR: '3' });
  const kirov = await firstRegionWithSchools(t);
  const tatarstan = await regionByCode(t, '16');
  issuer = await createStaff(t, 'issuer_admin');
  coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
  otherCoordinator = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
  school = await createStaff(t, 'school', { schoolId: (await createSchool(t, kirov)).id });
  otherSchool = await createStaff(t, 'school', { schoolId: (await createSchool(t, tatarstan)).id });
  pupil = await registerPupil(t);
  otherPupil = await registerPupil(t, tatarstan);
  for (let i = 0; i < VIEWS; i++) await recordAudit(t.app.ctx.db, asActor(school), 'pd.viewed', pupil.accountId, { field: 'snils' });
  await recordAudit(t.app.ctx.db, asActor(otherSchool), 'pd.viewed', otherPupil.accountId, { field: 'snils' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const search = (who: StaffMember, query: string) => t.api('GET', `/api/audit/events?${query}`, { cookie: who.cookie });

describe('alerts of heavy personal-data viewing', () => {
  it('alerts the issuer and the region’s coordinator once an hour, in the cabinet and by e-mail', async () => {
    expect(await raiseRevealAlerts(t.app.ctx)).toBe(1);
    expect(await raiseRevealAlerts(t.app.ctx)).toBe(0);
    const notified = await t.rows<{ account_id: string }>(sql`select account_id from notifications where kind = 'audit.pd_reveal_alert'`);
    const ids = notified.map((n) => n.account_id);
    expect(ids).toContain(issuer.accountId);
    expect(ids).toContain(coordinator.accountId);
    expect(ids).not.toContain(otherCoordinator.accountId);
    const mail = await t.waitForMail(coordinator.email, /персональных данных/);
    expect(mail.text).toContain(`${VIEWS} раз`);

    const own = await t.api('GET', '/api/audit/alerts', { cookie: coordinator.cookie });
    expect(own.status).toBe(200);
    expect(own.body.alerts).toHaveLength(1);
    expect(own.body.alerts[0]).toMatchObject({ actor: { id: school.accountId }, revealed: VIEWS, threshold: 3 });
    expect((await t.api('GET', '/api/audit/alerts', { cookie: otherCoordinator.cookie })).body.alerts).toHaveLength(0);
    expect((await t.api('GET', '/api/audit/alerts', { cookie: issuer.cookie })).body.alerts).toHaveLength(1);
  });
});

describe('audit review', () => {
  it('pages a person’s history newest first by keyset, without gaps or repeats, and audits the names it shows', async () => {
    const [{ n }] = (await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${pupil.accountId}`)) as [{ n: number }];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(issuer, `person=${pupil.accountId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.rows.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);

    const first = await search(issuer, `person=${pupil.accountId}&action=pd.viewed`);
    expect(first.body.rows).toHaveLength(VIEWS);
    expect(first.body.rows[0]).toMatchObject({ action: 'pd.viewed', actor: { id: school.accountId, name: 'Сотрудникова Елена' }, subject: { id: pupil.accountId } });
    expect(first.body.rows[0].subject.name).toBeTruthy();
    const shown = await t.rows<{ subject_id: string }>(sql`select subject_id from audit_log where action = 'audit.person_shown' and actor_id = ${issuer.accountId}`);
    expect(shown.map((s) => s.subject_id)).toEqual(expect.arrayContaining([pupil.accountId, school.accountId]));
  });

  it('finds by actor e-mail and by period', async () => {
    const byActor = await search(issuer, `actor=${encodeURIComponent(school.email)}&action=pd.viewed`);
    expect(byActor.body.rows).toHaveLength(VIEWS);
    // The period is in Moscow days.
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    expect((await search(issuer, `actor=${school.accountId}&from=${today}&to=${today}`)).body.rows.length).toBeGreaterThanOrEqual(VIEWS);
    expect((await search(issuer, `actor=${school.accountId}&from=2020-01-01&to=2020-12-31`)).body.rows).toHaveLength(0);
  });

  it('shows a coordinator only what concerns its region', async () => {
    const own = await search(coordinator, 'action=pd.viewed');
    expect(own.status).toBe(200);
    expect(own.body.rows.map((r: { subject: { id: string } }) => r.subject.id)).toEqual(Array(VIEWS).fill(pupil.accountId));
    expect((await search(coordinator, `person=${otherPupil.accountId}`)).body.rows).toHaveLength(0);
    const other = await search(otherCoordinator, 'action=pd.viewed');
    expect(other.body.rows.map((r: { actor: { id: string } }) => r.actor.id)).toEqual([otherSchool.accountId]);
    // The alert's audit of the coordinator's region names the school's staff member: its actor is in the region.
    const staffRows = await search(coordinator, `actor=${school.accountId}`);
    expect(staffRows.body.rows.length).toBeGreaterThanOrEqual(VIEWS);
  });

  it('exports the search as CSV and XLSX, and records the export', async () => {
    const csv = await t.api('GET', '/api/audit/export?action=pd.viewed&format=csv', { cookie: coordinator.cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toContain('Действие');
    expect(lines).toHaveLength(VIEWS + 1);
    expect(String(csv.body)).not.toContain(otherPupil.accountId);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/audit/export?format=xlsx', headers: { cookie: issuer.cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const exported = await t.rows<{ actor_id: string }>(sql`select actor_id from audit_log where action = 'audit.exported'`);
    expect(exported.map((e) => e.actor_id)).toEqual([coordinator.accountId, issuer.accountId]);
  });

  it('exports tens of thousands of rows with every person shown recorded, and refuses more than the limit', async () => {
    const people = 12_000;
    const shownByExports = sql`select count(*)::int as n from audit_log where action = 'audit.person_shown' and details->>'via' = 'export'`;
    const [before] = await t.rows<{ n: number }>(shownByExports);
    await t.rows(sql`with people as (
        insert into accounts (role, email, status, last_name, first_name)
        select 'participant', 'shown-' || g || '@audit.test', 'active', 'Выгрузкина', 'Вера' from generate_series(1, ${people}) g returning id)
      insert into audit_log (actor_id, actor_role, action, subject_id, ip, details)
      select ${issuer.accountId}::uuid, 'issuer_admin', 'test.bulk_viewed', id, '10.0.0.2', '{}'::jsonb from people returning 1`);
    const file = await t.api('GET', '/api/audit/export?action=test.bulk_viewed&format=csv', { cookie: issuer.cookie });
    expect(file.status).toBe(200);
    expect(String(file.body).trim().split('\r\n')).toHaveLength(people + 1);
    const [after] = await t.rows<{ n: number }>(shownByExports);
    // Each person once; the reviewer itself, the actor of every row, is not counted.
    expect(after!.n - before!.n).toBe(people);

    await t.rows(sql`insert into audit_log (actor_role, action, ip, details)
      select 'system', 'test.bulk_viewed', '10.0.0.2', '{}'::jsonb from generate_series(1, ${AUDIT_EXPORT_LIMIT - people + 1}) returning 1`);
    const tooMany = await t.api('GET', '/api/audit/export?action=test.bulk_viewed&format=xlsx', { cookie: issuer.cookie });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/сузьте период/);
  }, 120_000);

  it('does not alert on a reviewer for the names the review showed it, and keeps the reviewer’s region on its rows', async () => {
    expect(await raiseRevealAlerts(t.app.ctx)).toBe(0);
    const reviewersAlerted = await t.rows(sql`select 1 from audit_alerts where actor_id in (${issuer.accountId}, ${coordinator.accountId})`);
    expect(reviewersAlerted).toHaveLength(0);
    const regions = await t.rows<{ actor_region_id: number | null; region_id: number }>(sql`
      select distinct a.actor_region_id, sp.region_id from audit_log a join staff_profiles sp on sp.account_id = a.actor_id
       where a.actor_id = ${coordinator.accountId} and a.action in ('audit.exported', 'audit.person_shown')`);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.actor_region_id).toBe(regions[0]!.region_id);
  });

  it('refuses bad filters with a Russian message and changes nothing', async () => {
    const before = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    for (const query of ['cursor=abc', 'person=nobody', 'from=2026-05-02&to=2026-05-01', 'action=DROP TABLE', 'limit=100000']) {
      const res = await search(issuer, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message).toMatch(/[а-я]/i);
    }
    expect((await t.api('GET', '/api/audit/export?format=pdf', { cookie: issuer.cookie })).status).toBe(400);
    expect(await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`)).toEqual(before);
  });

  it('is closed to every other role', async () => {
    expect((await search(school, '')).status).toBe(403);
    expect((await t.api('GET', '/api/audit/alerts', { cookie: pupil.cookie })).status).toBe(403);
    expect((await t.api('GET', '/api/audit/export?format=csv')).status).toBe(401);
  });
});

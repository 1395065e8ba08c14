import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSING_INSTRUCTION } from '@common/organisations.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { createSchool, createStaff, createVenue, regionByCode, type StaffMember } from '@server/test/staff-factories.js';

describe("the operator's instruction (поручение) gates pupils' data", () => {
  let t: TestApp;
  let schoolId: string;
  let venueId: string;
  let schoolAdmin: StaffMember;
  let navigator: StaffMember;
  let venueAdmin: StaffMember;
  let mentor: StaffMember;
  let coordinator: StaffMember;

  const roster = (cookie: string) => t.api('GET', `/api/staff/events/${crypto.randomUUID()}/roster`, { cookie });
  const acceptances = (orgId: string) =>
    t.rows<{ version: string; accepted_by: string | null }>(
      sql`select version, accepted_by from processing_instructions where school_id = ${orgId} or venue_id = ${orgId} order by accepted_at`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    const kirov = await regionByCode(t, '43');
    schoolId = (await createSchool(t, kirov, undefined, { instruction: false })).id;
    venueId = (await createVenue(t, kirov, undefined, { instruction: false })).id;
    schoolAdmin = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId });
    navigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId });
    venueAdmin = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId });
    mentor = await createStaff(t, 'mentor', { regionId: kirov.regionId, venueId });
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
  });
  afterAll(() => t.close());

  it("closes pupil lists and rosters until the organisation accepts, naming who must accept and where", async () => {
    const own = await t.api('GET', '/api/participants', { cookie: schoolAdmin.cookie });
    expect(own.status).toBe(403);
    // Families' requests to correct a pupil's data are pupils' data too.
    expect((await t.api('GET', '/api/staff/corrections', { cookie: schoolAdmin.cookie })).status).toBe(403);
    expect(own.body.error.code).toBe('processing_instruction_required');
    expect(own.body.error.message).toMatch(/когда вы примете поручение оператора.*«Поручение оператора»/);

    const staff = await t.api('GET', '/api/participants', { cookie: navigator.cookie });
    expect(staff.status).toBe(403);
    expect(staff.body.error.message).toMatch(/администратор вашей школы примет поручение/);

    const mentorRoster = await roster(mentor.cookie);
    expect(mentorRoster.status).toBe(403);
    expect(mentorRoster.body.error.message).toMatch(/администратор вашей площадки/);
    expect((await roster(venueAdmin.cookie)).status).toBe(403);

    // Work that reaches no pupil's data goes on; the operator's own staff are not gated.
    expect((await t.api('GET', '/api/organisations?kind=school', { cookie: schoolAdmin.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/participants', { cookie: coordinator.cookie })).status).toBe(200);
    const session = await t.api('GET', '/api/auth/session', { cookie: navigator.cookie });
    expect(session.body.account).toMatchObject({ gate: null, instructionPending: true });
  });

  it('shows the text and where it stands to the staff; only the administrator may accept', async () => {
    const status = await t.api('GET', '/api/organisation-instruction', { cookie: navigator.cookie });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      instruction: { version: PROCESSING_INSTRUCTION.version, title: PROCESSING_INSTRUCTION.title },
      organisation: { kind: 'school', id: schoolId },
      current: null,
      history: [],
      canAccept: false,
    });
    const byNavigator = await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: navigator.cookie, body: { version: PROCESSING_INSTRUCTION.version } });
    expect(byNavigator.status).toBe(403);
    expect(await acceptances(schoolId)).toEqual([]);
  });

  it('refuses a stale or missing version and records nothing', async () => {
    const stale = await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: schoolAdmin.cookie, body: { version: '2000-01' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('instruction_version_changed');
    const missing = await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: schoolAdmin.cookie, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBeTruthy();
    expect(await acceptances(schoolId)).toEqual([]);
  });

  it('records the acceptance with who, when and which version, audits it once, and opens the data', async () => {
    const accepted = await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: schoolAdmin.cookie, body: { version: PROCESSING_INSTRUCTION.version } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.current).toMatchObject({ version: PROCESSING_INSTRUCTION.version, acceptedByName: 'Сотрудникова Елена' });
    const again = await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: schoolAdmin.cookie, body: { version: PROCESSING_INSTRUCTION.version } });
    expect(again.status).toBe(200);
    expect(await acceptances(schoolId)).toEqual([{ version: PROCESSING_INSTRUCTION.version, accepted_by: schoolAdmin.accountId }]);
    const audit = await t.rows<{ actor_id: string; details: Record<string, string> }>(
      sql`select actor_id, details from audit_log where action = 'organisation.instruction_accepted' and subject_id = ${schoolId}`,
    );
    expect(audit).toEqual([{ actor_id: schoolAdmin.accountId, details: { kind: 'school', version: PROCESSING_INSTRUCTION.version } }]);

    expect((await t.api('GET', '/api/participants', { cookie: schoolAdmin.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/staff/corrections', { cookie: schoolAdmin.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/participants', { cookie: navigator.cookie })).status).toBe(200);
    // The venue has not accepted: its rosters stay closed.
    expect((await roster(mentor.cookie)).status).toBe(403);

    expect((await t.api('POST', '/api/organisation-instruction/acceptance', { cookie: venueAdmin.cookie, body: { version: PROCESSING_INSTRUCTION.version } })).status).toBe(200);
    expect((await roster(mentor.cookie)).status).toBe(404);
    expect((await roster(venueAdmin.cookie)).status).toBe(404);
  });

  it('asks again when a new version is out: an acceptance of an older one does not count', async () => {
    const kirov = await regionByCode(t, '43');
    const school = await createSchool(t, kirov, undefined, { instruction: false });
    await t.database.db.execute(sql`insert into processing_instructions (school_id, version, accepted_by, accepted_at)
      values (${school.id}, '2025-01', null, now() - interval '1 year')`);
    const admin = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: school.id });
    expect((await t.api('GET', '/api/participants', { cookie: admin.cookie })).status).toBe(403);
    const status = await t.api('GET', '/api/organisation-instruction', { cookie: admin.cookie });
    expect(status.body).toMatchObject({ current: null, canAccept: true, history: [{ version: '2025-01', acceptedByName: null }] });
  });

  it('is not for staff without an organisation', async () => {
    expect((await t.api('GET', '/api/organisation-instruction', { cookie: coordinator.cookie })).status).toBe(403);
  });
});

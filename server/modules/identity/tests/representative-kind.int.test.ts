import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { activateFromMail, birthDateForAge, confirmedParent, participantInput, registerPupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';

let t: TestApp;
let place: Place;
let schoolId: string;
let school: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  place = await regionByCode(t, '43');
  schoolId = (await createSchool(t, place)).id;
  school = await createStaff(t, 'school', { regionId: place.regionId, schoolId });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function createChild(parentCookie: string, extra: Record<string, unknown> = {}) {
  const { acceptTerms: _a, ...child } = await participantInput(t, { ...place, schoolId, schoolName: undefined, birthDate: birthDateForAge(12), grade: 6 });
  return t.api('POST', '/api/parent/children', { cookie: parentCookie, body: { ...child, ...extra } });
}

async function kindOf(parentId: string, childId: string): Promise<string | undefined> {
  const [row] = await t.rows<{ representative_kind: string }>(
    sql`select representative_kind from family_links where parent_id = ${parentId} and child_id = ${childId}`,
  );
  return row?.representative_kind;
}

describe('a legal representative states its kind', () => {
  it('is stored at the link, changed in the cabinet, shown to the school beside the name, and validated', async () => {
    const guardian = await confirmedParent(t);
    const session = await t.api('GET', '/api/auth/session', { cookie: guardian.cookie });
    const guardianId = session.body.account.id as string;
    const created = await createChild(guardian.cookie, { representativeKind: 'guardian' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const childId = created.body.childId as string;
    expect(await kindOf(guardianId, childId)).toBe('guardian');

    const cabinet = await t.api('GET', '/api/parent/cabinet', { cookie: guardian.cookie });
    expect(cabinet.body.children[0].representativeKind).toBe('guardian');

    const pd = await t.api('GET', `/api/participants/${childId}/personal-data`, { cookie: school.cookie });
    expect(pd.status).toBe(200);
    expect(pd.body.representatives).toEqual([{ name: expect.stringContaining(session.body.account.lastName), kind: 'guardian' }]);
    const detail = await t.api('GET', `/api/participants/${childId}`, { cookie: school.cookie });
    expect(detail.body.representatives).toEqual([expect.objectContaining({ kind: 'guardian' })]);

    const changed = await t.api('PUT', `/api/parent/children/${childId}/representative-kind`, { cookie: guardian.cookie, body: { representativeKind: 'trustee' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await kindOf(guardianId, childId)).toBe('trustee');
    const [audit] = await t.rows<{ kind: string }>(
      sql`select details->>'representativeKind' as kind from audit_log where action = 'family.representative_kind_set' and subject_id = ${childId}`,
    );
    expect(audit!.kind).toBe('trustee');

    const bad = await t.api('PUT', `/api/parent/children/${childId}/representative-kind`, { cookie: guardian.cookie, body: { representativeKind: 'uncle' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBeTruthy();
    expect((await createChild(guardian.cookie, { representativeKind: 'дядя' })).status).toBe(400);
    expect(await kindOf(guardianId, childId)).toBe('trustee');

    const stranger = await confirmedParent(t);
    const foreign = await t.api('PUT', `/api/parent/children/${childId}/representative-kind`, { cookie: stranger.cookie, body: { representativeKind: 'parent' } });
    expect(foreign.status).toBe(404);
    expect(await kindOf(guardianId, childId)).toBe('trustee');
  });

  it('is stated when a parent accepts a child’s invitation, a parent unless told otherwise', async () => {
    for (const body of [{ representativeKind: 'guardian' }, undefined]) {
      const pupil = await registerPupil(t);
      await activateFromMail(t, pupil.email);
      const email = `rep.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.ru`;
      expect((await t.api('POST', '/api/participant/invitations', { cookie: pupil.cookie, body: { email } })).status).toBe(201);
      const mail = await t.waitForMail(email, /приглашает вас/);
      const token = linkFrom(mail.text, '/invite/').pathname.split('/').pop()!;
      const parent = await confirmedParent(t);
      const accepted = await t.api('POST', `/api/invitations/by-token/${token}/accept`, { cookie: parent.cookie, ...(body ? { body } : {}) });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      const session = await t.api('GET', '/api/auth/session', { cookie: parent.cookie });
      expect(await kindOf(session.body.account.id as string, pupil.accountId)).toBe(body ? 'guardian' : 'parent');
    }
  });
});

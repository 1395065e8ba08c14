import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CONSENT_TEXTS } from '@common/consents.js';
import { activateFromMail } from '@server/test/factories.js';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { eventSetting, hoursFromNow, publishedEvent, trialInput, type EventSetting } from '@server/modules/events/tests/fixtures.js';

let t: TestApp;
let s: EventSetting;
let navigator: StaffMember;
const slug = uniqueSlug('withdrawal');

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t);
  await publish(t, await createStaff(t, 'methodologist'), likertTest(slug, { retakeAfterDays: 0 }));
  navigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** A linked, consented, activated pupil of the setting's school who took one test and is assigned to the navigator. */
async function readyFamily(): Promise<Family> {
  const family = await familyAtSchool(t, s.place, s.schoolId, 7);
  const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
  await activateFromMail(t, child!.email);
  await takeTest(t, family.childCookie, slug, { q1: 4, q2: 5 });
  const assigned = await t.api('POST', '/api/participants/navigator', {
    cookie: s.school.cookie,
    body: { participantIds: [family.childId], navigatorId: navigator.accountId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return family;
}

const withdraw = (f: Family, kind: string) => t.api('POST', `/api/parent/children/${f.childId}/consents/${kind}/withdraw`, { cookie: f.parentCookie });
const give = (f: Family, kind: keyof typeof CONSENT_TEXTS) =>
  t.api('POST', `/api/parent/children/${f.childId}/consents`, { cookie: f.parentCookie, body: { kind, textVersion: CONSENT_TEXTS[kind].version } });

async function enrolmentStatus(id: string): Promise<{ status: string; end_reason: string | null }> {
  const [row] = await t.rows<{ status: string; end_reason: string | null }>(sql`select status, end_reason from enrolments where id = ${id}`);
  return row!;
}

async function noticesOf(accountId: string, kind: string): Promise<number> {
  const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${accountId} and kind = ${kind}`);
  return row!.n;
}

describe('withdrawing the consent to process a child’s data', () => {
  it('cancels upcoming enrolments and hands the seat on, hides the child from staff, closes diagnostics; a new consent restores sight, not the enrolments', async () => {
    const family = await readyFamily();
    const waiting = await readyFamily();
    const { eventId } = await publishedEvent(t, s, trialInput(s, { capacity: 1, startsAt: [hoursFromNow(96)] }));
    const seat = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: family.parentCookie, body: { childId: family.childId } });
    expect(seat.body.enrolment.status, JSON.stringify(seat.body)).toBe('confirmed');
    const queued = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: waiting.parentCookie, body: { childId: waiting.childId, waitlist: true } });
    expect(queued.body.enrolment.status, JSON.stringify(queued.body)).toBe('waitlisted');

    const results = () => t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: navigator.cookie });
    const footprint = () => t.api('GET', `/api/pupils/${family.childId}/footprint`, { cookie: navigator.cookie });
    expect((await results()).status).toBe(200);
    expect((await footprint()).status).toBe(200);
    const [before] = await t.rows<{ n: number }>(sql`select count(*)::int as n from footprint_snapshots where participant_id = ${family.childId}`);

    const res = await withdraw(family, 'pd_processing');
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(await enrolmentStatus(seat.body.enrolment.id)).toEqual({ status: 'cancelled', end_reason: 'consent_withdrawn' });
    expect((await enrolmentStatus(queued.body.enrolment.id)).status).toBe('confirmed');
    const [event] = await t.rows<{ seats_taken: number }>(sql`select seats_taken from events where id = ${eventId}`);
    expect(event!.seats_taken).toBe(1);
    expect(await noticesOf(family.parentId, 'event.enrolment_cancelled')).toBe(1);
    expect(await noticesOf(family.childId, 'event.enrolment_cancelled')).toBe(1);
    expect(await noticesOf(s.venue.accountId, 'event.enrolment_cancelled')).toBe(1);
    expect(await noticesOf(waiting.parentId, 'event.promoted')).toBe(1);
    const planned = await t.api('GET', `/api/pupils/${family.childId}/events`, { cookie: family.parentCookie });
    expect(planned.body.planned.map((p: { status: string }) => p.status)).toEqual(['cancelled']);

    // Staff lose sight at once; the family keeps it.
    expect((await results()).status).toBe(404);
    expect((await footprint()).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${family.childId}/study-plan`, { cookie: navigator.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: family.parentCookie })).status).toBe(200);

    // Diagnostics close, and nothing grows the footprint.
    const catalogue = await t.api('GET', '/api/diagnostics/catalogue', { cookie: family.childCookie });
    expect(catalogue.body.closedReason).toMatch(/отозвал согласие/);
    const start = await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: family.childCookie });
    expect(start.status).toBe(403);
    expect(start.body.error).toMatchObject({ code: 'consent_withdrawn' });
    expect(start.body.error.message).toMatch(/Диагностики закрыты/);
    const [after] = await t.rows<{ n: number }>(sql`select count(*)::int as n from footprint_snapshots where participant_id = ${family.childId}`);
    expect(after!.n).toBe(before!.n);

    // Withdrawing twice is refused, nothing changes.
    expect((await withdraw(family, 'pd_processing')).status).toBe(409);

    // A new consent brings back sight and diagnostics, not the cancelled enrolment.
    expect((await give(family, 'pd_processing')).status).toBe(201);
    expect((await results()).status).toBe(200);
    expect((await footprint()).status).toBe(200);
    expect((await enrolmentStatus(seat.body.enrolment.id)).status).toBe('cancelled');
    expect((await t.api('GET', '/api/diagnostics/catalogue', { cookie: family.childCookie })).body.closedReason).toBeNull();
    expect((await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: family.childCookie })).status).toBe(201);
  });

  it('keeps everything while another linked parent’s consent stays in force, and refuses another family’s child', async () => {
    const family = await readyFamily();
    const stranger = await readyFamily();
    expect((await t.api('POST', `/api/parent/children/${family.childId}/consents/pd_processing/withdraw`, { cookie: stranger.parentCookie })).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: navigator.cookie })).status).toBe(200);

    // A second parent's consent of its own keeps the child's data in processing.
    await t.rows(sql`insert into family_links (parent_id, child_id) values (${stranger.parentId}, ${family.childId})`);
    expect((await give({ ...family, parentCookie: stranger.parentCookie }, 'pd_processing')).status).toBe(201);
    expect((await withdraw(family, 'pd_processing')).status).toBe(200);
    expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: navigator.cookie })).status).toBe(200);
  });
});

describe('withdrawing the health-data consent', () => {
  it('removes ОВЗ details from the school’s view at once and brings them back with a new consent', async () => {
    const family = await readyFamily();
    const marked = await t.api('PATCH', '/api/participant/personal-data', { cookie: family.childCookie, body: { hasOvz: true, ovzDetails: 'Слабовидение' } });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect((await give(family, 'health_data')).status).toBe(201);
    const view = () => t.api('GET', `/api/participants/${family.childId}/personal-data`, { cookie: s.school.cookie });
    expect((await view()).body).toMatchObject({ hasOvz: true, ovzDetails: 'Слабовидение', ovzWithheld: false });

    expect((await withdraw(family, 'health_data')).status).toBe(200);
    expect((await view()).body).toMatchObject({ hasOvz: false, ovzDetails: null, ovzWithheld: true });
    const [audit] = await t.rows<{ fields: string }>(
      sql`select details->>'fields' as fields from audit_log where action = 'pd.viewed' and subject_id = ${family.childId} order by at desc limit 1`,
    );
    expect(audit!.fields).toBe('snils,document');
    // The pupil still sees its own.
    expect((await t.api('GET', '/api/participant/personal-data', { cookie: family.childCookie })).body.ovzDetails).toBe('Слабовидение');
    // The personal-data consent, and with it staff sight of results, is untouched.
    expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: navigator.cookie })).status).toBe(200);

    expect((await give(family, 'health_data')).status).toBe(201);
    expect((await view()).body).toMatchObject({ hasOvz: true, ovzDetails: 'Слабовидение', ovzWithheld: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { navigatorAssignments } from '@server/db/schema/index.js';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { confirmedParent } from '@server/test/factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { eventSetting, publishedEvent, type EventSetting } from '@server/modules/events/tests/fixtures.js';
import { draftPlanIfDue, navigatorStageCounts } from '../index.js';

let t: TestApp;
let s: EventSetting;
let navigator: StaffMember;
let otherNavigator: StaffMember;
let graded: Family;
let fresh: Family;
let upcomingEventId: string;

/** A trial of the setting's competency that began ten minutes ago, with the pupil confirmed on it; returns the enrolment. */
async function pastTrialWith(pupilId: string): Promise<{ eventId: string; enrolmentId: string }> {
  const [event] = await t.rows<{ id: string }>(sql`
    insert into events (venue_id, competency_id, format, title, description, place_id, starts_at, ends_at, capacity, grade_from, grade_to,
      difficulty, status, created_by, published_at, seats_taken)
    values (${s.venueId}, ${s.competencyId}, 'in_person', 'Проба: первая программа', 'Напишем и запустим первую программу', ${s.placeId},
      now() - interval '10 minutes', now() + interval '80 minutes', 10, 6, 11, 'basic', 'published', ${s.venue.accountId}, now(), 1)
    returning id`);
  await t.rows(sql`insert into event_mentors (event_id, mentor_id) values (${event!.id}, ${s.mentor.accountId}) returning event_id`);
  const [enrolment] = await t.rows<{ id: string }>(sql`
    insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at)
    values (${event!.id}, ${pupilId}, 'confirmed', 'catalogue', ${pupilId}, now()) returning id`);
  return { eventId: event!.id, enrolmentId: enrolment!.id };
}

async function attendAndGrade(pupilId: string, grade = 5) {
  const trial = await pastTrialWith(pupilId);
  const marked = await t.api('PUT', `/api/staff/events/${trial.eventId}/attendance`, {
    cookie: s.mentor.cookie,
    body: { marks: [{ enrolmentId: trial.enrolmentId, attendance: 'present' }] },
  });
  expect(marked.status, JSON.stringify(marked.body)).toBe(200);
  const feedback = await t.api('PUT', `/api/staff/events/${trial.eventId}/enrolments/${trial.enrolmentId}/feedback`, {
    cookie: s.mentor.cookie,
    body: { grade, feedback: 'Разобрался в задаче и довёл программу до запуска', skills: ['attention', 'teamwork'] },
  });
  expect(feedback.status, JSON.stringify(feedback.body)).toBe(200);
  return trial;
}

const editor = (pupilId: string, cookie = navigator.cookie) => t.api('GET', `/api/staff/study-plans/${pupilId}`, { cookie });
const planRow = async (pupilId: string) =>
  (await t.rows<{ draft: unknown; drafted_at: string | null; published_version: number | null }>(
    sql`select draft, drafted_at::text, published_version from study_plans where participant_id = ${pupilId}`,
  ))[0];

/** The editor's content as the navigator sends it back: everything but the grade. */
function editOf(content: Record<string, unknown>) {
  const { grade: _grade, ...rest } = content;
  return rest;
}

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t);
  navigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
  otherNavigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
  graded = await familyAtSchool(t, s.place, s.schoolId, 7);
  // Only a pupil who took a test may enrol, so only then are trials recommended to it.
  const methodologist = await createStaff(t, 'methodologist');
  const slug = uniqueSlug('plan');
  await publish(t, methodologist, likertTest(slug));
  await takeTest(t, graded.childCookie, slug, { q1: 5, q2: 5 });
  // A parent registers a child under 14 only; the school's word moves it up to the ninth grade, where the plan names a profile.
  await t.rows(sql`update participant_profiles set grade = 9 where account_id = ${graded.childId} returning account_id`);
  // Trials are recommended only to a pupil who may enrol: one whose e-mail is confirmed.
  await t.rows(sql`update accounts set email_verified_at = now() where id = ${graded.childId} returning id`);
  fresh = await familyAtSchool(t, s.place, s.schoolId, 7);
  await t.database.db.insert(navigatorAssignments).values([
    { participantId: graded.childId, navigatorId: navigator.accountId, assignedBy: s.school.accountId },
    { participantId: fresh.childId, navigatorId: navigator.accountId, assignedBy: s.school.accountId },
  ]);
  ({ eventId: upcomingEventId } = await publishedEvent(t, s));
}, 180_000);
afterAll(() => t.close());

describe('drafting', () => {
  it('drafts a plan once the mentor gave feedback on an attended trial, and drafting again changes nothing', async () => {
    expect(await planRow(graded.childId)).toBeUndefined();
    await attendAndGrade(graded.childId);

    const res = await editor(graded.childId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'plan_drafted', systemDraft: true, draftPending: true, publishedVersion: null, grade: 9 });
    const content = res.body.content;
    const strengths = new Map(content.strengths.map((x: { code: string; evidence: string }) => [x.code, x.evidence]));
    expect([...strengths.keys()].sort()).toEqual(['attention', 'communication', 'teamwork']);
    expect(strengths.get('attention')).toMatch(/наставник отметил на пробе «Проба: первая программа»/);
    expect(strengths.get('communication')).toMatch(/подтверждают 1 тест/);
    expect(content.interests).toHaveLength(1);
    expect(content.interests[0].evidence).toMatch(/оценка наставника 5/);
    expect(content.profile).toMatchObject({ code: 'technological' });
    expect(content.subjects.length).toBeGreaterThan(0);
    expect(content.activities).toEqual([]);
    expect(content.trials.map((x: { eventId: string }) => x.eventId)).toEqual([upcomingEventId]);
    expect(content.steps.length).toBeGreaterThanOrEqual(2);
    expect(content.steps.length).toBeLessThanOrEqual(4);
    expect(content.navigatorNote).toBeNull();

    const before = await planRow(graded.childId);
    expect(await draftPlanIfDue(t.app.ctx, graded.childId)).toBe('unchanged');
    expect(await planRow(graded.childId)).toEqual(before);
  });

  it('does not draft for a pupil without a graded trial', async () => {
    expect(await draftPlanIfDue(t.app.ctx, fresh.childId)).toBe('not_due');
    expect(await planRow(fresh.childId)).toBeUndefined();
  });
});

describe('the navigator', () => {
  it('sees its pupils by stage with counts, paged and searchable; another navigator sees none of them', async () => {
    const res = await t.api('GET', '/api/staff/study-plans', { cookie: navigator.cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.counts).toMatchObject({ no_test: 1, plan_drafted: 1 });
    const stages = Object.fromEntries(res.body.items.map((i: { participantId: string; stage: string }) => [i.participantId, i.stage]));
    expect(stages).toEqual({ [graded.childId]: 'plan_drafted', [fresh.childId]: 'no_test' });

    const drafted = await t.api('GET', '/api/staff/study-plans?stage=plan_drafted&pageSize=1', { cookie: navigator.cookie });
    expect(drafted.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([graded.childId]);
    expect(drafted.body.total).toBe(1);
    const nobody = await t.api('GET', '/api/staff/study-plans?q=НетТакогоИмени', { cookie: navigator.cookie });
    expect(nobody.body.total).toBe(0);

    const other = await t.api('GET', '/api/staff/study-plans', { cookie: otherNavigator.cookie });
    expect(other.body.total).toBe(0);
    expect((await editor(graded.childId, otherNavigator.cookie)).status).toBe(404);
    expect((await t.api('GET', '/api/staff/study-plans?stage=wrong', { cookie: navigator.cookie })).status).toBe(400);
  });

  it('edits, publishes as version 1 and 2, keeps version 1 whole, and tells the pupil and the parent', async () => {
    const content = editOf((await editor(graded.childId)).body.content);
    const edited = { ...content, navigatorNote: 'Ты отлично справился на пробе — продолжай в том же духе!', steps: [...(content.steps as object[]), { text: 'Сходить на день открытых дверей колледжа', due: null }] };
    const saved = await t.api('PUT', `/api/staff/study-plans/${graded.childId}/draft`, { cookie: navigator.cookie, body: edited });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.systemDraft).toBe(false);
    const newStep = saved.body.content.steps.at(-1);
    expect(newStep.id).toMatch(/^step-/);

    // The system leaves a navigator's draft alone.
    expect(await draftPlanIfDue(t.app.ctx, graded.childId)).toBe('kept');

    const first = await t.api('POST', `/api/staff/study-plans/${graded.childId}/publish`, { cookie: navigator.cookie, body: {} });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ stage: 'plan_published', publishedVersion: 1, draftPending: false });
    const [account] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${graded.parentId}`);
    await t.waitForMail(account!.email, /план вашего ребёнка/);
    const notices = await t.rows<{ account_id: string }>(sql`select account_id from notifications where kind = 'study_plan_published'`);
    expect(notices.map((n) => n.account_id).sort()).toEqual([graded.childId, graded.parentId].sort());

    const second = await t.api('POST', `/api/staff/study-plans/${graded.childId}/publish`, {
      cookie: navigator.cookie,
      body: { content: { ...editOf(first.body.content), navigatorNote: 'Вторая версия плана' } },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const mine = await t.api('GET', '/api/study-plan/me', { cookie: graded.childCookie });
    expect(mine.status).toBe(200);
    expect(mine.body.published).toMatchObject({ version: 2, content: { navigatorNote: 'Вторая версия плана' } });
    expect(mine.body.published.publishedByName).toBeTruthy();
    const v1 = await t.api('GET', '/api/study-plan/me/versions/1', { cookie: graded.childCookie });
    expect(v1.body.content.navigatorNote).toMatch(/^Ты отлично справился/);
    expect((await t.api('GET', '/api/study-plan/me/versions/9', { cookie: graded.childCookie })).status).toBe(404);

    // Nothing to publish once the draft went out.
    expect((await t.api('POST', `/api/staff/study-plans/${graded.childId}/publish`, { cookie: navigator.cookie, body: {} })).status).toBe(409);
  });

  it('refuses HTML in a field with a Russian 400 and changes nothing', async () => {
    const before = await planRow(graded.childId);
    const content = editOf((await editor(graded.childId)).body.content);
    const res = await t.api('PUT', `/api/staff/study-plans/${graded.childId}/draft`, {
      cookie: navigator.cookie,
      body: { ...content, navigatorNote: 'Привет <script>alert(1)</script>' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.navigatorNote).toMatch(/HTML-разметка не допускается/);
    expect(await planRow(graded.childId)).toEqual(before);
  });

  it('another navigator cannot save or publish: 404 and nothing changed', async () => {
    const before = await planRow(graded.childId);
    const content = editOf((await editor(graded.childId)).body.content);
    const put = await t.api('PUT', `/api/staff/study-plans/${graded.childId}/draft`, { cookie: otherNavigator.cookie, body: content });
    expect(put.status).toBe(404);
    const publish = await t.api('POST', `/api/staff/study-plans/${graded.childId}/publish`, { cookie: otherNavigator.cookie, body: { content } });
    expect(publish.status).toBe(404);
    const bulk = await t.api('POST', '/api/staff/study-plans/bulk', { cookie: otherNavigator.cookie, body: { action: 'publish', participantIds: [graded.childId] } });
    expect(bulk.body.results).toEqual([{ participantId: graded.childId, outcome: 'not_found' }]);
    expect(await planRow(graded.childId)).toEqual(before);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: otherNavigator.cookie })).status).toBe(404);
  });

  it('drafts for several pupils at once: each gets its own outcome', async () => {
    const res = await t.api('POST', '/api/staff/study-plans/bulk', {
      cookie: navigator.cookie,
      body: { action: 'draft', participantIds: [graded.childId, fresh.childId] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results).toEqual([
      { participantId: graded.childId, outcome: 'kept' },
      { participantId: fresh.childId, outcome: 'not_due' },
    ]);
  });
});

describe('the pupil and the parents', () => {
  it('the pupil ticks steps; a step not in the plan is 404; the parent cannot tick', async () => {
    const plan = (await t.api('GET', '/api/study-plan/me', { cookie: graded.childCookie })).body;
    const stepId = plan.published.content.steps[0].id as string;
    const done = await t.api('PUT', `/api/study-plan/me/steps/${stepId}`, { cookie: graded.childCookie, body: { done: true } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.stepsDone.map((x: { stepId: string }) => x.stepId)).toEqual([stepId]);
    expect((await t.api('PUT', '/api/study-plan/me/steps/no-such-step', { cookie: graded.childCookie, body: { done: true } })).status).toBe(404);
    expect((await t.api('PUT', `/api/study-plan/me/steps/${stepId}`, { cookie: graded.parentCookie, body: { done: false } })).status).toBe(403);
    const undone = await t.api('PUT', `/api/study-plan/me/steps/${stepId}`, { cookie: graded.childCookie, body: { done: false } });
    expect(undone.body.stepsDone).toEqual([]);
    await t.api('PUT', `/api/study-plan/me/steps/${stepId}`, { cookie: graded.childCookie, body: { done: true } });
  });

  it('a linked parent sees the plan; an unlinked parent and a coordinator do not', async () => {
    const res = await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: graded.parentCookie });
    expect(res.status).toBe(200);
    expect(res.body.published.version).toBe(2);
    const stranger = await confirmedParent(t);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan/pdf`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: s.coordinator.cookie })).status).toBe(403);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: fresh.parentCookie })).status).toBe(404);
  });

  it('renders the PDF with Cyrillic text that reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/study-plan/me/pdf?version=1', headers: { cookie: graded.childCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Индивидуальный план');
    expect(text).toContain('Ты отлично справился на пробе');
    expect(text).toContain('Сильные стороны');
    expect(text).toContain('Технологический');

    const parents = await t.app.inject({ method: 'GET', url: `/api/pupils/${graded.childId}/study-plan/pdf`, headers: { cookie: graded.parentCookie } });
    expect(parents.statusCode).toBe(200);
    const latest = await extractText(await getDocumentProxy(new Uint8Array(parents.rawPayload)), { mergePages: true });
    expect(latest.text).toContain('Вторая версия плана');
    expect((await t.api('GET', '/api/study-plan/me/pdf', { cookie: fresh.childCookie })).status).toBe(404);
  });

  it('withdrawn consent hides the plan from the navigator, not from the family', async () => {
    await t.rows(sql`update consents set withdrawn_at = now() where child_id = ${graded.childId} and kind = 'pd_processing' returning child_id`);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: navigator.cookie })).status).toBe(404);
    expect((await editor(graded.childId)).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${graded.childId}/study-plan`, { cookie: graded.parentCookie })).status).toBe(200);
    const audit = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'study_plan.viewed' and subject_id = ${graded.childId}`);
    expect(audit[0]!.n).toBeGreaterThan(0);
  });
});

describe('a pupil frozen for erasure', () => {
  it('leaves the navigator’s stage counts as it leaves the queue', async () => {
    const stageOf = async () => (await t.api('GET', '/api/staff/study-plans', { cookie: navigator.cookie })).body as { total: number; counts: Record<string, number> };
    const before = await navigatorStageCounts(t.app.ctx.db, navigator.accountId);
    const [row] = await t.rows<{ status: string }>(sql`select status from accounts where id = ${fresh.childId}`);
    await t.rows(sql`update accounts set status = 'disabled' where id = ${fresh.childId} returning 1`);
    try {
      const after = await navigatorStageCounts(t.app.ctx.db, navigator.accountId);
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, c) => n + c, 0);
      expect(total(after)).toBe(total(before) - 1);
      const queue = await stageOf();
      expect(total(after)).toBe(queue.total);
      expect(after).toMatchObject(queue.counts);
    } finally {
      await t.rows(sql`update accounts set status = ${row!.status} where id = ${fresh.childId} returning 1`);
    }
  });
});

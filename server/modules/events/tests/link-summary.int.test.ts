import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { linkTokenHash } from '../link-token.js';
import { eventSetting, lessonInput, publishedEvent, type EventSetting } from './fixtures.js';

let t: TestApp;
let s: EventSetting;

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("a lesson's card before sign-in", () => {
  it('shows a signed-out visitor the lesson as the school announces it, and nothing about a person', async () => {
    const { token } = await publishedEvent(t, s, lessonInput(s));
    const res = await t.api('GET', `/api/enrol-links/${token}/summary`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['capacity', 'competency', 'durationMinutes', 'endsAt', 'format', 'gradeFrom', 'gradeTo', 'place', 'school', 'seatsLeft', 'startsAt', 'status', 'title', 'venue'].sort(),
    );
    expect(res.body).toMatchObject({ format: 'school_lesson', durationMinutes: 45, status: 'published', school: { name: expect.any(String) } });
    expect(JSON.stringify(res.body)).not.toMatch(/mentor|"id"|video|@/i);
  });

  it('answers 404 for a revoked link, as for a forged one, and 400 for a malformed one', async () => {
    const { token } = await publishedEvent(t, s, lessonInput(s));
    await t.rows(sql`update event_links set revoked_at = now() where token_hash = ${linkTokenHash(token!)}`);
    expect((await t.api('GET', `/api/enrol-links/${token}/summary`)).status).toBe(404);
    expect((await t.api('GET', `/api/enrol-links/${'A'.repeat(43)}/summary`)).status).toBe(404);
    const bad = await t.api('GET', '/api/enrol-links/short/summary');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/Ссылка повреждена/);
  });
});

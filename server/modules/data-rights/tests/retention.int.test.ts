import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_CLASSES } from '@common/data-rights.js';
import { registerPupil } from '@server/test/factories.js';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { start } from '@server/modules/diagnostics/tests/fixtures.js';
import { runRetention } from '../index.js';
import { eraseBySchedule } from '../erasure.service.js';
import { rightsWorld, type RightsWorld } from './fixtures.js';

let t: TestApp;
let w: RightsWorld;
let issuer: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  w = await rightsWorld(t);
  issuer = await createStaff(t, 'issuer_admin');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const count = async (query: ReturnType<typeof sql>) => (await t.rows<{ n: number }>(query))[0]!.n;

describe('retention: each class removed by its own job once its period ends, every run recorded', () => {
  it('purges old sessions, letters, tokens, stale attempts and import files, leaving fresh ones', async () => {
    const pupil = await registerPupil(t);
    const oldHash = crypto.randomBytes(16).toString('hex');
    await t.rows(sql`insert into sessions (id_hash, account_id, expires_at, last_seen_at) values (${oldHash}, ${pupil.accountId}, ${daysAgo(2)}, ${daysAgo(3)}) returning 1`);
    await t.rows(sql`insert into outgoing_mail ("to", subject, text, html, created_at, sent_at) values ('old@example.ru', 'Старое', 'текст', '<p>текст</p>', ${daysAgo(31)}, ${daysAgo(31)}) returning 1`);
    await t.rows(sql`insert into one_time_tokens (purpose, account_id, token_hash, expires_at) values ('activation', ${pupil.accountId}, ${crypto.randomUUID()}, ${daysAgo(31)}) returning 1`);
    const attemptId = await start(t, pupil.cookie, w.testSlug);
    await t.rows(sql`update diagnostic_attempts set started_at = ${daysAgo(91)} where id = ${attemptId} returning 1`);
    await t.rows(sql`insert into import_batches (school_id, created_by, file_name, file_sha256, status, payload_enc, row_errors, created_at)
      values (${w.s.schoolId}, ${w.s.school.accountId}, 'ученики.xlsx', 'x', 'done', 'sealed', '[{"row":2,"field":"snils","message":"Неверный СНИЛС"}]'::jsonb, ${daysAgo(31)}) returning 1`);

    expect(await runRetention(t.app.ctx, 'sessions', t.app.log)).toBeGreaterThanOrEqual(1);
    expect(await count(sql`select count(*)::int as n from sessions where id_hash = ${oldHash}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from sessions where account_id = ${pupil.accountId}`)).toBe(1);

    expect(await runRetention(t.app.ctx, 'mail', t.app.log)).toBe(1);
    expect(await count(sql`select count(*)::int as n from outgoing_mail where "to" = ${pupil.email}`)).toBeGreaterThan(0);

    expect(await runRetention(t.app.ctx, 'invitations', t.app.log)).toBe(1);
    expect(await runRetention(t.app.ctx, 'attempts_in_progress', t.app.log)).toBe(1);
    expect(await count(sql`select count(*)::int as n from diagnostic_attempts where id = ${attemptId}`)).toBe(0);

    expect(await runRetention(t.app.ctx, 'import_files', t.app.log)).toBe(1);
    const [batch] = await t.rows<{ payload_enc: string | null; row_errors: unknown[]; total_rows: number }>(sql`select payload_enc, row_errors, total_rows from import_batches`);
    expect(batch).toEqual({ payload_enc: null, row_errors: [], total_rows: 0 });
    // A second run finds nothing left to do.
    expect(await runRetention(t.app.ctx, 'import_files', t.app.log)).toBe(0);
  });

  it('lets the audit log lose only rows past their three years, and only through the job', async () => {
    await t.rows(sql`insert into audit_log (action, at) values ('auth.sign_out', now() - interval '4 years'), ('auth.sign_out', now() - interval '2 years') returning 1`);
    await expect(t.rows(sql`delete from audit_log where at < now() - interval '3 years'`)).rejects.toThrow();
    expect(await runRetention(t.app.ctx, 'audit', t.app.log)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where at < now() - interval '1 year'`)).toBe(1);
    await expect(t.rows(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('destroys pupils never activated by the end of a finished season, with an act', async () => {
    await t.rows(sql`insert into seasons (name, starts_on, ends_on) values ('Сезон прошлого года', current_date - 500, current_date - 300) returning 1`);
    const stale = await registerPupil(t);
    await t.rows(sql`update accounts set created_at = current_date - 400 where id = ${stale.accountId} returning 1`);
    const fresh = await registerPupil(t);

    expect(await runRetention(t.app.ctx, 'inactive_accounts', t.app.log)).toBe(1);
    expect(await count(sql`select count(*)::int as n from accounts where id = ${stale.accountId}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from accounts where id = ${fresh.accountId}`)).toBe(1);
    const [act] = await t.rows<{ job: string; grounds: string }>(sql`select job, grounds from destruction_records`);
    expect(act).toEqual({ job: 'retention-inactive-accounts', grounds: expect.stringMatching(/Истёк срок хранения/) });
  });

  it('keeps a pupil who confirmed the account after the job picked it', async () => {
    const pupil = await registerPupil(t);
    await t.rows(sql`update accounts set created_at = current_date - 400 where id = ${pupil.accountId} returning 1`);
    // The job read the pupil as unconfirmed; the confirmation lands before its transaction locks the row.
    await t.rows(sql`update accounts set status = 'active', email_verified_at = now() where id = ${pupil.accountId} returning 1`);
    expect(await eraseBySchedule(t.app.ctx, pupil.accountId, 'retention-inactive-accounts', new Date())).toBe(false);
    expect(await count(sql`select count(*)::int as n from accounts where id = ${pupil.accountId}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from erasure_requests where subject_id = ${pupil.accountId}`)).toBe(0);
  });

  it('shows the issuer the table and every run, and nobody else', async () => {
    const res = await t.api('GET', '/api/data-rights/retention', { cookie: issuer.cookie });
    expect(res.status).toBe(200);
    expect(res.body.classes.map((c: { dataClass: string }) => c.dataClass)).toEqual([...RETENTION_CLASSES]);
    const runs = res.body.runs as Array<{ job: string; finishedAt: string | null; rowsAffected: number | null }>;
    expect(runs.length).toBeGreaterThanOrEqual(8);
    expect(runs.every((r) => r.finishedAt && r.rowsAffected !== null)).toBe(true);
    expect(runs.map((r) => r.job)).toContain('retention-inactive-accounts');
    expect((await t.api('GET', '/api/data-rights/retention', { cookie: w.s.coordinator.cookie })).status).toBe(403);
  });
});

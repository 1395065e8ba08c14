import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { activateFromMail } from '@server/test/factories.js';
import { createStaff } from '@server/test/staff-factories.js';
import type { TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { eventSetting, type EventSetting } from '@server/modules/events/tests/fixtures.js';

export interface RightsWorld {
  s: EventSetting;
  testSlug: string;
}

export async function rightsWorld(t: TestApp): Promise<RightsWorld> {
  const s = await eventSetting(t);
  const testSlug = uniqueSlug('rights');
  await publish(t, await createStaff(t, 'methodologist'), likertTest(testSlug));
  return { s, testSlug };
}

/** A linked, consenting family whose activated child passed one test. */
export async function testedFamily(t: TestApp, w: RightsWorld, grade = 7): Promise<Family & { childEmail: string }> {
  const family = await familyAtSchool(t, w.s.place, w.s.schoolId, grade);
  const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
  await activateFromMail(t, child!.email);
  await takeTest(t, family.childCookie, w.testSlug, { q1: 4, q2: 5 });
  return { ...family, childEmail: child!.email };
}

/** A scanned paper consent filed under the pupil, its sealed file in the file store as the upload route leaves it. */
export async function paperConsentScan(t: TestApp, schoolId: string, schoolStaffId: string, childId: string): Promise<{ id: string }> {
  const [row] = await t.rows<{ id: string }>(
    sql`insert into paper_consents (school_id, participant_id, file_name, mime_type, size_bytes, sha256, uploaded_by)
      values (${schoolId}, ${childId}, 'согласие.pdf', 'application/pdf', 4, 'x', ${schoolStaffId}) returning id`,
  );
  await t.app.ctx.files.put(FILE_KINDS.paperConsents, row!.id, t.app.ctx.pd.files.encrypt(Buffer.from('%PDF'), row!.id));
  return { id: row!.id };
}

/** A file attached to a support request, sealed in the file store as the form leaves it. */
export async function supportAttachment(t: TestApp, requestId: string): Promise<string> {
  const [row] = await t.rows<{ id: string }>(
    sql`insert into support_attachments (request_id, file_name, mime_type, size_bytes, sha256)
      values (${requestId}, 'скан.pdf', 'application/pdf', 4, 'x') returning id`,
  );
  await t.app.ctx.files.put(FILE_KINDS.support, row!.id, t.app.ctx.pd.files.encrypt(Buffer.from('%PDF'), row!.id));
  return row!.id;
}

/** A support request as the form files it: signed in (requesterId) or not (known by the address only). */
export async function supportRequest(t: TestApp, r: { requesterId: string | null; email: string; childId?: string; text: string }): Promise<string> {
  const [row] = await t.rows<{ id: string }>(
    sql`insert into support_requests (channel, requester_account_id, last_name, first_name, email, topic, text, child_id, status, intake_outcome,
        access_token_hash, reply_token_hash, due_at)
      values ('form', ${r.requesterId}, 'Заявитель', 'Анна', ${r.email}, 'other', ${r.text}, ${r.childId ?? null}, 'new', 'accepted',
        ${crypto.randomUUID()}, ${crypto.randomUUID()}, now() + interval '1 day') returning id`,
  );
  return row!.id;
}

import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp, startJobs } from '@server/app.js';
import { loadConfig } from '@server/config.js';
import { queryRows } from '@server/db/client.js';
import { createFileCrypto } from '@server/lib/file-crypto.js';
import { createPdCrypto } from '@server/lib/pd-crypto.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { firstRegionWithSchools, registerPupil, validSnils, type Pupil } from '@server/test/factories.js';
import { createStaff, totpFor, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { encryptedColumns } from '../pd-keys.repository.js';

const K1 = crypto.randomBytes(32);
const K2 = crypto.randomBytes(32);
const b64 = (k: Buffer) => k.toString('base64');
const BULK = 600;
const FILES = 25;

let t: TestApp;
let rotated: FastifyInstance;
let admin: StaffMember;
let pupils: Pupil[];
/** Every encrypted value by table, column and row, in clear, as it must read after the rotation. */
const expected = new Map<string, string>();
const expectedFiles = new Map<string, Buffer>();

async function call(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, body?: object) {
  const res = await app.inject({ method, url, headers: { origin: t.baseUrl, cookie }, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json() };
}

async function allValues(app: FastifyInstance): Promise<Array<{ key: string; value: string }>> {
  const out: Array<{ key: string; value: string }> = [];
  for (const c of await encryptedColumns(app.ctx.db)) {
    const rows = await queryRows<{ id: string; value: string }>(
      app.ctx.db,
      sql`select ${sql.identifier(c.primaryKey)}::text as id, ${sql.identifier(c.column)} as value from ${sql.identifier(c.table)} where ${sql.identifier(c.column)} is not null`,
    );
    for (const r of rows) out.push({ key: `${c.table}.${c.column}.${r.id}`, value: r.value });
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp({ PD_ENCRYPTION_KEY: b64(K1) });
  admin = await createStaff(t, 'issuer_admin', {}, { signIn: false });
  pupils = [];
  for (let i = 0; i < 4; i++) pupils.push(await registerPupil(t));
  // Many more pupils written straight to the tables, so the job runs several batches while requests go on.
  const place = await firstRegionWithSchools(t);
  const ids = await t.rows<{ id: string }>(
    sql`insert into accounts (role, email, status, last_name, first_name)
        select 'participant', 'bulk-' || g || '-' || ${crypto.randomUUID()} || '@rotation.test', 'active', 'Ротацияева', 'Анна' from generate_series(1, ${BULK}) g returning id`,
  );
  const values = ids.map(({ id }) => sql`(${id}::uuid, 7, ${place.regionId}, ${place.cityId}, ${t.app.ctx.pd.encrypt(validSnils())}, ${crypto.randomUUID()}, ${t.app.ctx.pd.encrypt(`ОВЗ ${id}`)}, true)`);
  await t.rows(sql`insert into participant_profiles (account_id, grade, region_id, city_id, snils_enc, identity_bidx, ovz_details_enc, has_ovz) values ${sql.join(values, sql`, `)} returning account_id`);
  for (let i = 0; i < FILES; i++) {
    const id = crypto.randomUUID();
    const plain = crypto.randomBytes(2000 + i);
    await t.app.ctx.files.put(FILE_KINDS.support, id, t.app.ctx.pd.files.encrypt(plain, id));
    expectedFiles.set(id, plain);
  }
  for (const { key, value } of await allValues(t.app)) expected.set(key, t.app.ctx.pd.decrypt(value));

  // The same database and file store, restarted with a new current key and the old one kept for reads.
  await t.app.ctx.jobs.stop();
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: t.baseUrl,
    DATA_DIR: t.app.ctx.config.dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    PD_ENCRYPTION_KEY: b64(K2),
    PD_PREVIOUS_KEYS: b64(K1),
    PD_INDEX_KEY: b64(K1),
    ...t.storageEnv,
  });
  rotated = await buildApp(config, { database: t.database });
  await rotated.ready();
  await startJobs(rotated);
}, 120_000);

afterAll(async () => {
  await rotated?.close();
  await t?.close();
});

describe('key rotation', () => {
  it('refuses a keyring with older keys but no root for the blind index', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PD_ENCRYPTION_KEY: b64(K2), PD_PREVIOUS_KEYS: b64(K1) })).toThrow(/PD_INDEX_KEY/);
  });

  it('re-encrypts every field and file under the new key while requests read and write, and reads everything back', async () => {
    const kid1 = createPdCrypto(K1).keyId;
    const kid2 = createPdCrypto(K2).keyId;
    // Signing in needs the old key twice: the e-mail's blind index and the TOTP secret it sealed.
    const first = await call(rotated, 'POST', '/api/auth/sign-in', '', { email: admin.email, password: admin.password });
    expect(first.status).toBe(200);
    const second = await rotated.inject({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      headers: { origin: t.baseUrl },
      payload: { challenge: first.body.challenge, code: totpFor(admin.totpSecret!).generate() },
    });
    expect(second.statusCode, second.body).toBe(200);
    const cookie = `bilet_sid=${second.cookies.find((c) => c.name === 'bilet_sid')!.value}`;
    const before = await call(rotated, 'GET', '/api/pd-keys', cookie);
    expect(before.status).toBe(200);
    const old = before.body.keys.find((k: { keyId: string }) => k.keyId === kid1);
    expect(old).toMatchObject({ current: false, configured: true, indexRoot: true, retirable: false, files: FILES });
    expect(old.fields).toBeGreaterThanOrEqual(BULK * 2);
    expect(before.body.keys.find((k: { keyId: string }) => k.keyId === kid2)).toMatchObject({ current: true, fields: 0, files: 0 });

    const started = await call(rotated, 'POST', '/api/pd-keys/rotations', cookie);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ targetKeyId: kid2, status: 'running' });
    const again = await call(rotated, 'POST', '/api/pd-keys/rotations', cookie);
    expect(again.body.id).toBe(started.body.id);

    // Load: pupils read and change their own data, and staff write encrypted values, all through the rotation.
    let finished = false;
    let round = 0;
    let writesOverOldKey = 0;
    const failures: string[] = [];
    const load = (async () => {
      while (!finished) {
        round++;
        await Promise.all(
          pupils.map(async (p, i) => {
            const details = `ОВЗ ${i} круг ${round}`;
            const write = await call(rotated, 'PATCH', '/api/participant/personal-data', p.cookie, { hasOvz: true, ovzDetails: details });
            if (write.status !== 200) failures.push(`write ${write.status} ${JSON.stringify(write.body)}`);
            const read = await call(rotated, 'GET', '/api/participant/personal-data', p.cookie);
            if (read.status !== 200 || read.body.ovzDetails !== details) failures.push(`read ${read.status} ${JSON.stringify(read.body)}`);
          }),
        );
        const [row] = await t.rows<{ id: string }>(sql`select account_id::text as id from participant_profiles where has_ovz and ovz_details_enc like ${`v1:${kid1}:%`} limit 1`);
        if (row) {
          writesOverOldKey++;
          const value = `переписано ${round}`;
          await t.rows(sql`update participant_profiles set ovz_details_enc = ${rotated.ctx.pd.encrypt(value)} where account_id = ${row.id} returning 1`);
          expected.set(`participant_profiles.ovz_details_enc.${row.id}`, value);
        }
        // A breath between rounds: on the embedded database every query shares one thread with the job.
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const deadline = Date.now() + 90_000;
    let status = 'running';
    while (status === 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const [run] = await t.rows<{ status: string }>(sql`select status from pd_key_rotations where id = ${started.body.id}`);
      status = run!.status;
    }
    finished = true;
    await load;
    expect(failures).toEqual([]);
    expect(round).toBeGreaterThan(0);
    // Writes landed on rows the job had not reached yet: the load overlapped the rotation.
    expect(writesOverOldKey).toBeGreaterThan(0);
    expect(status).toBe('finished');

    const after = await call(rotated, 'GET', '/api/pd-keys', cookie);
    expect(after.body.keys.find((k: { keyId: string }) => k.keyId === kid1)).toMatchObject({ fields: 0, files: 0, retirable: true, indexRoot: true });
    expect(after.body.rotations[0]).toMatchObject({ id: started.body.id, status: 'finished' });
    // What the load rewrote first under the new key, the job finds done and leaves alone.
    expect(after.body.rotations[0].fieldsRewritten).toBeGreaterThanOrEqual(BULK * 2 - writesOverOldKey - pupils.length);
    expect(after.body.rotations[0].filesRewritten).toBe(FILES);

    // Everything opens with the new key alone: the old one may leave the configuration.
    const onlyNew = createPdCrypto(K2, { indexKey: K1 });
    const values = await allValues(rotated);
    for (const { key, value } of values) {
      expect(onlyNew.keyIdOf(value), key).toBe(kid2);
      const plain = onlyNew.decrypt(value);
      if (key.startsWith('participant_profiles.ovz_details_enc.') && pupils.some((p) => key.endsWith(p.accountId))) continue;
      if (expected.has(key)) expect(plain, key).toBe(expected.get(key));
    }
    for (const key of expected.keys()) expect(values.some((v) => v.key === key), key).toBe(true);
    const files = createFileCrypto(K2);
    expect(await t.storedFiles(FILE_KINDS.support)).toEqual([...expectedFiles.keys()].sort());
    for (const [id, plain] of expectedFiles) {
      expect(files.decrypt((await rotated.ctx.files.get(FILE_KINDS.support, id))!, id).equals(plain)).toBe(true);
    }
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where action like 'pd_keys.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['pd_keys.rotation_started', 'pd_keys.rotation_finished']);
  }, 150_000);

  it('is for the issuer alone', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: (await firstRegionWithSchools(t)).regionId });
    expect((await call(rotated, 'GET', '/api/pd-keys', coordinator.cookie)).status).toBe(403);
    expect((await call(rotated, 'POST', '/api/pd-keys/rotations', pupils[0]!.cookie)).status).toBe(403);
  });
});

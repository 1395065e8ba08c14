import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { FILE_KINDS, type FileStore } from '@server/lib/file-store/index.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { registerPupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode } from '@server/test/staff-factories.js';
import { BackupError, createBackup, restoreBackup, tableChecksums, uploadChecksums, verifyBackup, type Manifest, type TableEntry } from '../backup.js';
import { connectPostgres, embeddedConnection, type SqlConnection } from '../connection.js';

let t: TestApp;
let conn: SqlConnection;
let files: FileStore;
let work: string;
let backupDir: string;
let manifest: Manifest;
let before: TableEntry[];

async function openConnection(app: TestApp): Promise<SqlConnection> {
  if (app.database.kind === 'pglite') return embeddedConnection(app.database);
  const [db] = await app.rows<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${db!.name}`;
  return connectPostgres(url.toString());
}

/** Every table and sealed file gone, as after losing the disk or the bucket; the schema stays. */
async function wipe(): Promise<void> {
  const tables = await conn.query<{ name: string }>(`select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`);
  await conn.query('begin');
  await conn.query('set local session_replication_role = replica');
  await conn.query(`truncate ${tables.map((x) => `public."${x.name}"`).join(', ')} restart identity`);
  await conn.query('commit');
  const stored = [];
  for await (const file of files.list()) stored.push(file);
  for (const file of stored) await files.delete(file.kind, file.id);
}

function copyOfBackup(name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(backupDir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  // No job may write while the drill compares tables (on PGlite it would even share the session).
  t = await startTestApp({ JOBS_ENABLED: 'false' });
  files = t.app.ctx.files;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-backup-'));
  const place = await regionByCode(t, '43');
  const school = await createSchool(t, place);
  await createStaff(t, 'school', { schoolId: school.id });
  await registerPupil(t);
  await registerPupil(t, { lastName: 'Ёлкина', firstName: 'Дарья' });
  for (let i = 0; i < 3; i++) {
    const id = crypto.randomUUID();
    await files.put(i < 2 ? FILE_KINDS.paperConsents : FILE_KINDS.support, id, t.app.ctx.pd.files.encrypt(crypto.randomBytes(2048 + i), id));
  }
  conn = await openConnection(t);
  before = await tableChecksums(conn);
  backupDir = path.join(work, 'backup');
  manifest = (await createBackup(conn, { files, outDir: backupDir })).manifest;
}, 120_000);

afterAll(async () => {
  await conn?.close();
  await t?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('states every table with its rows and checksum, and every sealed file', async () => {
    expect(manifest.tables).toEqual(before);
    expect(manifest.tables.find((x) => x.name === 'accounts')!.rows).toBeGreaterThanOrEqual(3);
    expect(manifest.tables.find((x) => x.name === 'audit_log')!.rows).toBeGreaterThan(0);
    expect(manifest.files).toEqual(await uploadChecksums(files));
    expect(manifest.files).toHaveLength(3);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    await expect(verifyBackup(backupDir)).resolves.toEqual(manifest);
  });

  it('backs up, wipes, restores, and every table and file matches', async () => {
    await wipe();
    expect((await tableChecksums(conn)).find((x) => x.name === 'accounts')!.rows).toBe(0);
    await restoreBackup(conn, backupDir, { files });
    expect(await tableChecksums(conn)).toEqual(before);
    expect(await uploadChecksums(files)).toEqual(manifest.files);
    // The restored platform works: a new account takes the next id and the sessions still answer.
    await registerPupil(t);
  });

  it('refuses to overwrite a database with accounts unless forced', async () => {
    const now = await tableChecksums(conn);
    // A file the backup does not know, as an upload after it leaves: the restore leaves exactly the backup's.
    const extra = crypto.randomUUID();
    await files.put(FILE_KINDS.support, extra, t.app.ctx.pd.files.encrypt(Buffer.from('после копии'), extra));
    await expect(restoreBackup(conn, backupDir, { files })).rejects.toThrow(/--force/);
    expect(await tableChecksums(conn)).toEqual(now);
    expect((await uploadChecksums(files)).map((f) => f.path)).toContain(`uploads/support/${extra}`);
    await restoreBackup(conn, backupDir, { files, force: true });
    expect(await tableChecksums(conn)).toEqual(before);
    expect(await uploadChecksums(files)).toEqual(manifest.files);
  });

  it('refuses a backup whose table was changed, and changes nothing', async () => {
    const dir = copyOfBackup('tampered-table');
    const file = path.join(dir, 'tables', 'accounts.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Ёлкина', 'Ёлкино'));
    const filesBefore = await uploadChecksums(files);
    const error = await restoreBackup(conn, dir, { files, force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/контрольная сумма таблицы accounts не совпадает/);
    expect(await tableChecksums(conn)).toEqual(before);
    expect(await uploadChecksums(files)).toEqual(filesBefore);
  });

  it('refuses a backup whose table and manifest were changed together, by the restored rows', async () => {
    const dir = copyOfBackup('tampered-consistently');
    const file = path.join(dir, 'tables', 'accounts.jsonl');
    // A forged row that no longer matches its own type: the load fails, the transaction rolls back.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[0] = lines[0]!.replace(/"created_at":"[^"]+"/, '"created_at":"не дата"');
    const text = lines.join('\n');
    fs.writeFileSync(file, text);
    const forged: Manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    forged.tables.find((x) => x.name === 'accounts')!.sha256 = crypto.createHash('sha256').update(text).digest('hex');
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(forged));
    await expect(restoreBackup(conn, dir, { files, force: true })).rejects.toThrow();
    expect(await tableChecksums(conn)).toEqual(before);
  });

  it('refuses a backup whose sealed file was changed or is missing', async () => {
    const changed = copyOfBackup('tampered-file');
    const target = path.join(changed, 'files', manifest.files[0]!.path);
    const bytes = fs.readFileSync(target);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    fs.writeFileSync(target, bytes);
    await expect(restoreBackup(conn, changed, { files, force: true })).rejects.toThrow(/контрольная сумма файла/);

    const missing = copyOfBackup('missing-file');
    fs.rmSync(path.join(missing, 'files', manifest.files[1]!.path));
    await expect(restoreBackup(conn, missing, { files, force: true })).rejects.toThrow(/нет файла/);
    expect(await tableChecksums(conn)).toEqual(before);
    expect(await uploadChecksums(files)).toEqual(manifest.files);
  });

  it('refuses a manifest naming a path outside the backup', async () => {
    const dir = copyOfBackup('escaping-path');
    const forged: Manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    forged.files[0]!.path = '../../etc/passwd';
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(forged));
    await expect(restoreBackup(conn, dir, { files, force: true })).rejects.toThrow(/недопустимое имя/);
  });

  it('will not write a backup over an existing directory', async () => {
    await expect(createBackup(conn, { files, outDir: backupDir })).rejects.toThrow(/уже существует/);
  });
});

/**
 * The backup drill's figures: times `createBackup` and `restoreBackup` (server/ops/backup) of a
 * PostgreSQL database grown to 100,000 pupils the way the KPI benchmark grows it (bench/kpi.ts:
 * accounts, profiles, attempts, enrolments on 2,000 events, every KPI figure counted), beside the
 * demo data and BENCH_BACKUP_FILES sealed uploads of 64 KB (default 1,000). The restore goes into a
 * second, freshly migrated database and checks every table's checksum as `npm run restore` does.
 *
 *   npm run bench:backup        (BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { FILE_KINDS, createFileStore } from '../server/lib/file-store/index.js';
import { rebuildFigures } from '../server/modules/kpi/index.js';
import { createBackup, restoreBackup } from '../server/ops/backup/backup.js';
import { connectPostgres } from '../server/ops/backup/connection.js';
import { seedDemoData, seedReferenceData } from '../server/seed/seed.js';
import { seedKpiData } from './kpi.js';
import { fmt } from './support.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SOURCE_DB = 'bilet_backup_bench';
const TARGET_DB = 'bilet_backup_bench_restore';
const FILES = Number(process.env.BENCH_BACKUP_FILES ?? 1_000);

const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const name of [SOURCE_DB, TARGET_DB]) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-backup-bench-'));
  const sourceData = path.join(work, 'source');
  const targetData = path.join(work, 'target');
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: urlOf(SOURCE_DB),
      DATA_DIR: sourceData,
      PD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp(config);
    const ctx = app.ctx;
    await ctx.database.migrate();
    await seedReferenceData(ctx.db);
    await seedDemoData(ctx);
    const rows = async <T>(q: SQL): Promise<T[]> => ((await ctx.db.execute(q)) as unknown as { rows: T[] }).rows;
    const [region] = await rows<{ id: number }>(sql`select id from regions where code = '43'`);
    process.stdout.write('Seeding 100,000 pupils with their facts …\n');
    process.stdout.write(`  ${await seedKpiData({ db: ctx.db, rows, regionId: region!.id, rebuild: () => rebuildFigures(ctx) })}\n`);
    for (let i = 0; i < FILES; i++) {
      const id = crypto.randomUUID();
      await ctx.files.put(FILE_KINDS.paperConsents, id, ctx.pd.files.encrypt(crypto.randomBytes(64 * 1024), id));
    }
    await app.close();

    const source = await connectPostgres(urlOf(SOURCE_DB));
    const backupDir = path.join(work, 'backup');
    let started = performance.now();
    const { manifest } = await createBackup(source, { files: createFileStore({ dataDir: sourceData, s3: undefined }), outDir: backupDir });
    const backupSeconds = seconds(started);
    await source.close();

    const target = await openDatabase({ url: urlOf(TARGET_DB), dataDir: targetData });
    await target.migrate();
    await target.close();
    const conn = await connectPostgres(urlOf(TARGET_DB));
    started = performance.now();
    await restoreBackup(conn, backupDir, { files: createFileStore({ dataDir: targetData, s3: undefined }) });
    const restoreSeconds = seconds(started);
    await conn.close();

    const pupils = manifest.tables.find((t) => t.name === 'participant_profiles')!.rows;
    const totalRows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const largest = [...manifest.tables].sort((a, b) => b.rows - a.rows).slice(0, 5);
    process.stdout.write(
      `\nBackup drill on PostgreSQL: ${fmt(pupils)} pupils, ${fmt(manifest.tables.length)} tables, ${fmt(totalRows)} rows, ` +
        `${fmt(manifest.files.length)} sealed files; backup ${fmt(sizeOf(backupDir) / 1024 / 1024, 1)} MB\n` +
        `  largest tables: ${largest.map((t) => `${t.name} ${fmt(t.rows)}`).join(', ')}\n` +
        `  backup:  ${backupSeconds.toFixed(1)} s\n` +
        `  restore: ${restoreSeconds.toFixed(1)} s (every sum checked before, every table's checksum again before commit)\n`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    for (const name of [SOURCE_DB, TARGET_DB]) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { PGLITE_EXTENSIONS, openDatabase, type Database } from '../db/client.js';
import { seedReferenceData } from '../seed/seed.js';
import { startS3Server } from './s3-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    postgresAdminUrl: string;
    /** The local S3 server of the integration-s3 project. */
    s3Endpoint: string;
  }
}

/** Migrations, reference data and the job queue's schema: what every test database starts from. */
async function prepare(database: Database): Promise<void> {
  await database.migrate();
  await seedReferenceData(database.db);
  const boss = new PgBoss({ db: database.raw, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/**
 * Builds one migrated template per run; each test file then gets its own copy (a PGlite data-dir
 * image, or CREATE DATABASE … TEMPLATE on PostgreSQL), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  // The project's env reaches the test workers, not this process: the project name tells them apart.
  if (project.name === 'integration-postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL integration suite');
    const templateName = `bilet_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${templateName}`;
    const database = await openDatabase({ url: templateUrl.toString(), dataDir: os.tmpdir() });
    await prepare(database);
    await database.close();
    project.provide('postgresTemplate', templateName);
    project.provide('postgresAdminUrl', adminUrl);
    return async () => {
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    };
  }
  // The file tests again with their files in a bucket: the same PGlite template, plus a local S3 server.
  const s3 = project.name === 'integration-s3' ? await startS3Server() : null;
  if (s3) project.provide('s3Endpoint', s3.endpoint);
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite, dataDir: os.tmpdir() });
  await prepare(database);
  const image = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-test-template-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => {
    await s3?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

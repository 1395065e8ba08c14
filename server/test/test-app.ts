import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, startJobs } from '../app.js';
import { loadConfig } from '../config.js';
import type { SQL } from 'drizzle-orm';
import { PGLITE_EXTENSIONS, openDatabase, queryRows, type Database } from '../db/client.js';
import { devMailboxMessages } from '../modules/mail/index.js';
import { freePort } from './http-browser.js';
import { freshBucketEnv } from './s3-server.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  cookies: Record<string, string>;
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: FastifyInstance;
  baseUrl: string;
  database: Database;
  /** The PostgreSQL database's address, for other processes to share it (null on PGlite). */
  databaseUrl: string | null;
  /** The S3_* settings of the app's own bucket when the suite runs on S3 (TEST_FILES=s3), empty on the filesystem. */
  storageEnv: Record<string, string>;
  /** Calls the API through the real HTTP stack (app.inject), as the same-origin web app would. */
  api<T = any>(method: string, url: string, opts?: { body?: unknown; cookie?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** Waits until `count` messages (default 1) to this address with a matching subject arrived; returns the newest. */
  waitForMail(to: string, subject: RegExp, opts?: { count?: number; timeoutMs?: number }): Promise<{ subject: string; text: string }>;
  /** Ids of the sealed files of one kind that the app's file store (folder or bucket) holds now, sorted. */
  storedFiles(kind: string): Promise<string[]>;
  /** Rows of a hand-written query against the test database. */
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

async function openFreshDatabase(): Promise<{ database: Database; url: string | null; drop: () => Promise<void> }> {
  if (process.env.TEST_DB === 'postgres') {
    const adminUrl = inject('postgresAdminUrl');
    const name = `bilet_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), dataDir: os.tmpdir() });
    return {
      database,
      url: url.toString(),
      drop: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const image = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([image]), extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite, dataDir: os.tmpdir() });
  return { database, url: null, drop: () => database.close() };
}

/** The whole platform on its own fresh database and a free port, with the job workers running. */
export async function startTestApp(env: Record<string, string> = {}, opts: { logLines?: string[]; webDistDir?: string } = {}): Promise<TestApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-test-'));
  const storageEnv = process.env.TEST_FILES === 's3' ? await freshBucketEnv(inject('s3Endpoint')) : {};
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...storageEnv,
    ...env,
  });
  const { database, url: databaseUrl, drop } = await openFreshDatabase();
  const logLines = opts.logLines;
  const app = await buildApp(config, {
    database,
    ...(logLines ? { logStream: { write: (line: string) => void logLines.push(line) } } : {}),
    ...(opts.webDistDir ? { webDistDir: opts.webDistDir } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  await startJobs(app);

  const api: TestApp['api'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { origin: baseUrl, ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    const cookies: Record<string, string> = {};
    for (const c of res.cookies) cookies[c.name] = c.value;
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      // Non-JSON answers (HTML pages, redirects) stay text.
    }
    return { status: res.statusCode, body: body as never, cookies, headers: res.headers };
  };

  return {
    app,
    baseUrl,
    database,
    databaseUrl,
    storageEnv,
    api,
    async waitForMail(to, subject, { count = 1, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = (await devMailboxMessages(app.ctx.db, to.toLowerCase(), 50)).filter((m) => subject.test(m.subject));
        if (found.length >= count) return found[0]!;
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`No ${count} e-mail(s) to ${to} matching ${subject} within ${timeoutMs} ms`);
    },
    async storedFiles(kind) {
      const ids: string[] = [];
      for await (const file of app.ctx.files.list()) if (file.kind === kind) ids.push(file.id);
      return ids.sort();
    },
    rows: (query) => queryRows(app.ctx.db, query),
    async close() {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first link in a message whose path starts with the given prefix. */
export function linkFrom(text: string, pathPrefix: string): URL {
  const match = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0])).find((u) => u.pathname.startsWith(pathPrefix));
  if (!match) throw new Error(`No link to ${pathPrefix} in:\n${text}`);
  return match;
}

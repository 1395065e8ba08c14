import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { JobQueue } from './jobs/queue.js';
import type { FileStore } from './lib/file-store/index.js';
import type { PdCrypto } from './lib/pd-crypto.js';
import type { MailService } from './modules/mail/index.js';
import type { EsiaClient } from './modules/identity/index.js';

/** What every module may use; built once per process in app.ts. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  pd: PdCrypto;
  /** Sealed uploads: DATA_DIR/uploads, or an S3-compatible bucket when S3_* is set. */
  files: FileStore;
  jobs: JobQueue;
  mail: MailService;
  esia: EsiaClient;
  /** Set when the bundled ESIA emulator is served (no ESIA_ISSUER configured). */
  esiaEmulatorPath: string | undefined;
  cookieSecret: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

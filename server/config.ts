import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './lib/file-store/index.js';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** An empty variable counts as unset (compose's `${S3_BUCKET:-}` passes one). */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  S3_ENDPOINT: unsetWhenEmpty(
    z.url({ protocol: /^https?$/, error: 'S3_ENDPOINT: the http(s):// address of the S3-compatible store, e.g. https://storage.yandexcloud.net' }),
  ),
  S3_BUCKET: unsetWhenEmpty(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'S3_BUCKET: a bucket name (3–63 lower-case letters, digits, dots and hyphens)' })),
  S3_REGION: unsetWhenEmpty(z.string()),
  S3_ACCESS_KEY_ID: unsetWhenEmpty(z.string()),
  S3_SECRET_ACCESS_KEY: unsetWhenEmpty(z.string()),
  S3_FORCE_PATH_STYLE: unsetWhenEmpty(boolFromEnv),
  PD_ENCRYPTION_KEY: z.string().optional(),
  PD_PREVIOUS_KEYS: z.string().optional(),
  PD_INDEX_KEY: z.string().optional(),
  PD_REVEAL_ALERT_PER_HOUR: z.coerce.number().int().positive().default(200),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Билет в будущее <no-reply@bilet.local>'),
  ESIA_ISSUER: z.url().optional(),
  ESIA_CLIENT_ID: z.string().optional(),
  ESIA_CLIENT_SECRET: z.string().optional(),
  ESIA_SIGNING_KEY_FILE: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { error: 'REDIS_URL: a redis:// or rediss:// address' }).optional(),
  ESIA_SIGNING_CERT_FILE: z.string().optional(),
  SEED_DEMO: boolFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: z.string().refine((v) => v === '' || v.length >= 16, { error: 'METRICS_TOKEN: at least 16 characters' }).optional(),
  JOBS_ENABLED: boolFromEnv.default(true),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  SUPPORT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SUPPORT_ADDRESS: z.string().email().default('bilet@bilet.local'),
  SUPPORT_REQUESTS_PER_HOUR: z.coerce.number().int().positive().default(5),
  SUPPORT_REQUESTS_PER_HOUR_PER_ADDRESS: z.coerce.number().int().positive().default(20),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Sealed files go to this S3-compatible bucket; unset keeps them under DATA_DIR/uploads. */
  s3: S3Settings | undefined;
  pdEncryptionKey: string | undefined;
  /** Older master keys that still open what they sealed until the rotation job re-encrypts it. */
  pdPreviousKeys: string[];
  /** The root of the blind index; required once a key has rotated, since the index cannot be recomputed. */
  pdIndexKey: string | undefined;
  /** Personal-data views by one staff account in an hour above which the issuer and its coordinator are alerted. */
  pdRevealAlertPerHour: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  esia: {
    issuer: string | undefined;
    clientId: string;
    clientSecret: string | undefined;
    /** The GOST key and certificate that sign requests to ESIA (docs/esia.md). */
    signingKeyFile: string | undefined;
    signingCertFile: string | undefined;
  };
  seedDemo: boolean;
  logLevel: string;
  /** The bearer token a Prometheus scraper must send for /metrics; unset, /metrics is open. */
  metricsToken: string | undefined;
  jobsEnabled: boolean;
  /** Worker processes of this instance (node:cluster), one per core it may use; 1 serves from the process itself. */
  webConcurrency: number;
  /** Requests per minute from one address to the routes that send e-mail or create accounts. */
  rateLimitPerMinute: number;
  /** Inbound mail for the programme's address is received on this port; unset keeps it off. */
  supportSmtpPort: number | undefined;
  /** The programme's support address; replies thread through its +token sub-addresses. */
  supportAddress: string;
  /** Support requests one account may send per hour, and one network (or sender's e-mail) address. */
  supportRequestsPerHour: { perAccount: number; perAddress: number };
  cookieSecure: boolean;
  devMailbox: boolean;
  /** The bundled ESIA emulator is served: only outside production, when no ESIA_ISSUER is set. */
  esiaEmulator: boolean;
  /** Shared state of several instances (rate limits); without it each process keeps its own. */
  redisUrl: string | undefined;
}

type Env = z.infer<typeof envSchema>;

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/**
 * Object storage is all or nothing: half a configuration would quietly keep files on the pod's
 * disk. The endpoint is required rather than defaulting to AWS, since personal data of Russian
 * citizens must stay in Russia (152-FZ, art. 18 p. 5).
 */
function s3Settings(e: Env, problems: string[]): S3Settings | undefined {
  const given = [...S3_REQUIRED, 'S3_FORCE_PATH_STYLE' as const].filter((name) => e[name] !== undefined);
  if (given.length === 0) return undefined;
  const missing = S3_REQUIRED.filter((name) => !e[name]);
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')}: required with ${given.join(', ')} (files go to S3 only when every S3_* setting is given; none keeps them in DATA_DIR)`);
    return undefined;
  }
  return {
    endpoint: e.S3_ENDPOINT!,
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? false,
  };
}

/**
 * Production fails closed: without these the platform would fall back to what only suits a
 * laptop — the ESIA emulator (anyone signs in as any parent), the dev mailbox, keys generated on
 * the local disk, plain-http cookies — so it refuses to start and names every missing setting.
 */
function productionProblems(e: Env): string[] {
  const problems: string[] = [];
  if (!e.ESIA_ISSUER) problems.push('ESIA_ISSUER: required in production (the ESIA OpenID Connect issuer; the emulator is never served there)');
  if (!e.ESIA_CLIENT_ID) problems.push('ESIA_CLIENT_ID: required in production (our client id at ESIA)');
  if (!e.ESIA_SIGNING_KEY_FILE) problems.push('ESIA_SIGNING_KEY_FILE: required in production (the GOST private key that signs requests to ESIA)');
  if (!e.ESIA_SIGNING_CERT_FILE) problems.push('ESIA_SIGNING_CERT_FILE: required in production (the certificate registered at ESIA for our client id)');
  if (!e.PD_ENCRYPTION_KEY) problems.push('PD_ENCRYPTION_KEY: required in production (32 bytes, base64)');
  if (!e.SMTP_URL) problems.push('SMTP_URL: required in production (the dev mailbox is never served there)');
  if (!e.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (an https:// address)');
  else if (new URL(e.PUBLIC_URL).protocol !== 'https:') problems.push('PUBLIC_URL: must be an https:// address in production');
  if (e.SEED_DEMO) problems.push('SEED_DEMO: demo accounts have a published password and are never seeded in production');
  return problems;
}

/** Reads the environment once at start; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const previousKeys = (e.PD_PREVIOUS_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const problems = production ? productionProblems(e) : [];
  if (previousKeys.length > 0 && !e.PD_INDEX_KEY) {
    problems.push('PD_INDEX_KEY: required with PD_PREVIOUS_KEYS (the key the blind index was made with: the first PD_ENCRYPTION_KEY)');
  }
  if (e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL) {
    problems.push('WEB_CONCURRENCY: several worker processes need DATABASE_URL (the embedded database admits one process)');
  }
  const s3 = s3Settings(e, problems);
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    s3,
    pdEncryptionKey: e.PD_ENCRYPTION_KEY,
    pdPreviousKeys: previousKeys,
    pdIndexKey: e.PD_INDEX_KEY || undefined,
    pdRevealAlertPerHour: e.PD_REVEAL_ALERT_PER_HOUR,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    esia: {
      issuer: e.ESIA_ISSUER,
      clientId: e.ESIA_CLIENT_ID ?? 'bilet',
      clientSecret: e.ESIA_CLIENT_SECRET,
      signingKeyFile: e.ESIA_SIGNING_KEY_FILE,
      signingCertFile: e.ESIA_SIGNING_CERT_FILE,
    },
    seedDemo: !production && (e.SEED_DEMO ?? true),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN || undefined,
    jobsEnabled: e.JOBS_ENABLED,
    webConcurrency: e.WEB_CONCURRENCY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    supportSmtpPort: e.SUPPORT_SMTP_PORT,
    supportAddress: e.SUPPORT_ADDRESS,
    supportRequestsPerHour: { perAccount: e.SUPPORT_REQUESTS_PER_HOUR, perAddress: e.SUPPORT_REQUESTS_PER_HOUR_PER_ADDRESS },
    cookieSecure: production || publicUrl.startsWith('https://'),
    devMailbox: !production && !e.SMTP_URL,
    esiaEmulator: !production && !e.ESIA_ISSUER,
    redisUrl: e.REDIS_URL || undefined,
  };
}

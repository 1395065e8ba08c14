import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  PD_ENCRYPTION_KEY: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Билет в будущее <no-reply@bilet.local>'),
  ESIA_ISSUER: z.url().optional(),
  ESIA_CLIENT_ID: z.string().default('bilet'),
  ESIA_CLIENT_SECRET: z.string().optional(),
  SEED_DEMO: boolFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_ENABLED: boolFromEnv.default(true),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  pdEncryptionKey: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  esia: { issuer: string | undefined; clientId: string; clientSecret: string | undefined };
  seedDemo: boolean;
  logLevel: string;
  jobsEnabled: boolean;
  /** Requests per minute from one address to the routes that send e-mail or create accounts. */
  rateLimitPerMinute: number;
  cookieSecure: boolean;
  devMailbox: boolean;
}

/** Reads the environment once at start; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  if (e.NODE_ENV === 'production' && !e.PD_ENCRYPTION_KEY) {
    throw new Error('Invalid configuration:\n  PD_ENCRYPTION_KEY: required in production (32 bytes, base64)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    pdEncryptionKey: e.PD_ENCRYPTION_KEY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    esia: { issuer: e.ESIA_ISSUER, clientId: e.ESIA_CLIENT_ID, clientSecret: e.ESIA_CLIENT_SECRET },
    // Demo accounts have a published password: never by default in production.
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    cookieSecure: e.NODE_ENV === 'production' || publicUrl.startsWith('https://'),
    devMailbox: !e.SMTP_URL && e.NODE_ENV !== 'production',
  };
}

import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  ESIA_ISSUER: 'https://esia.gosuslugi.ru',
  ESIA_CLIENT_ID: 'BILET01',
  ESIA_SIGNING_KEY_FILE: '/etc/bilet/esia/key.pem',
  ESIA_SIGNING_CERT_FILE: '/etc/bilet/esia/cert.pem',
  PD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SMTP_URL: 'smtps://user:pass@smtp.example.ru:465',
  PUBLIC_URL: 'https://bilet.example.ru',
};

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('production configuration', () => {
  it('starts with every required setting, with no emulator, dev mailbox or demo data', () => {
    const config = loadConfig(PRODUCTION);
    expect(config).toMatchObject({ env: 'production', esiaEmulator: false, devMailbox: false, seedDemo: false, cookieSecure: true });
    expect(config.esia).toEqual({
      issuer: 'https://esia.gosuslugi.ru',
      clientId: 'BILET01',
      clientSecret: undefined,
      signingKeyFile: '/etc/bilet/esia/key.pem',
      signingCertFile: '/etc/bilet/esia/cert.pem',
    });
  });

  it.each(['ESIA_ISSUER', 'ESIA_CLIENT_ID', 'ESIA_SIGNING_KEY_FILE', 'ESIA_SIGNING_CERT_FILE', 'PD_ENCRYPTION_KEY', 'SMTP_URL', 'PUBLIC_URL'] as const)(
    'refuses to start without %s and names it',
    (name) => {
      const { [name]: _missing, ...env } = PRODUCTION;
      const message = configError(env);
      expect(message).toMatch(new RegExp(`^  ${name}: required in production`, 'm'));
      expect(message.split('\n')).toHaveLength(2);
    },
  );

  it('refuses a plain http PUBLIC_URL', () => {
    expect(configError({ ...PRODUCTION, PUBLIC_URL: 'http://bilet.example.ru' })).toContain('PUBLIC_URL: must be an https:// address in production');
  });

  it('names every missing setting at once', () => {
    const message = configError({ NODE_ENV: 'production' });
    for (const name of ['ESIA_ISSUER', 'ESIA_CLIENT_ID', 'ESIA_SIGNING_KEY_FILE', 'ESIA_SIGNING_CERT_FILE', 'PD_ENCRYPTION_KEY', 'SMTP_URL', 'PUBLIC_URL']) {
      expect(message).toContain(`  ${name}: required in production`);
    }
  });

  it('refuses to seed demo accounts, whose password is published', () => {
    expect(configError({ ...PRODUCTION, SEED_DEMO: 'true' })).toContain('SEED_DEMO:');
  });
});

describe('development configuration', () => {
  it('serves the ESIA emulator and the dev mailbox when no issuer and no SMTP server are set', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ esiaEmulator: true, devMailbox: true, seedDemo: true, esia: { clientId: 'bilet' } });
  });

  it('uses the real ESIA and SMTP server once they are set', () => {
    const config = loadConfig({ NODE_ENV: 'development', ESIA_ISSUER: 'https://esia-portal1.test.gosuslugi.ru', SMTP_URL: 'smtp://localhost:25' });
    expect(config).toMatchObject({ esiaEmulator: false, devMailbox: false });
  });
});

describe('the metrics token', () => {
  it('is optional, refused when too short to resist guessing, and kept when long enough', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(configError({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN: at least 16 characters/);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-scraper-token' }).metricsToken).toBe('a-long-enough-scraper-token');
  });
});

describe('worker processes', () => {
  it('serves from one process unless WEB_CONCURRENCY asks for more', () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://db/bilet' }).webConcurrency).toBe(2);
  });

  it('refuses several workers on the embedded database, which admits one process', () => {
    expect(configError({ WEB_CONCURRENCY: '2' })).toContain('WEB_CONCURRENCY: several worker processes need DATABASE_URL');
    expect(configError({ WEB_CONCURRENCY: '0', DATABASE_URL: 'postgres://db/bilet' })).toContain('WEB_CONCURRENCY');
  });
});

describe('object storage', () => {
  const S3 = {
    S3_ENDPOINT: 'https://storage.yandexcloud.net',
    S3_BUCKET: 'bilet-files',
    S3_REGION: 'ru-central1',
    S3_ACCESS_KEY_ID: 'YCAJE-key',
    S3_SECRET_ACCESS_KEY: 'YCP-secret',
  };

  it('keeps files in DATA_DIR when no S3_* is set, empty ones included', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).s3).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development', ...Object.fromEntries(Object.keys(S3).map((k) => [k, ''])), S3_FORCE_PATH_STYLE: '' }).s3).toBeUndefined();
  });

  it('puts them in the bucket once every setting is given, in production too', () => {
    expect(loadConfig({ ...PRODUCTION, ...S3 }).s3).toEqual({
      endpoint: 'https://storage.yandexcloud.net',
      bucket: 'bilet-files',
      region: 'ru-central1',
      accessKeyId: 'YCAJE-key',
      secretAccessKey: 'YCP-secret',
      forcePathStyle: false,
    });
    expect(loadConfig({ NODE_ENV: 'development', ...S3, S3_FORCE_PATH_STYLE: 'true' }).s3?.forcePathStyle).toBe(true);
  });

  it.each(Object.keys(S3))('refuses a configuration without %s and names what is missing', (name) => {
    const { [name as keyof typeof S3]: _missing, ...env } = S3;
    const message = configError({ NODE_ENV: 'development', ...env });
    expect(message).toMatch(new RegExp(`^  ${name}: required with S3_`, 'm'));
  });

  it('refuses half a configuration rather than quietly keeping files on the local disk', () => {
    const message = configError({ NODE_ENV: 'development', S3_BUCKET: 'bilet-files', S3_FORCE_PATH_STYLE: 'true' });
    expect(message).toContain('S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required with S3_BUCKET, S3_FORCE_PATH_STYLE');
  });

  it.each([
    ['S3_ENDPOINT', 'storage.yandexcloud.net', /S3_ENDPOINT: the http\(s\):\/\/ address/],
    ['S3_ENDPOINT', 'ftp://storage.example.ru', /S3_ENDPOINT: the http\(s\):\/\/ address/],
    ['S3_BUCKET', 'Bilet_Files', /S3_BUCKET: a bucket name/],
    ['S3_FORCE_PATH_STYLE', 'yes', /S3_FORCE_PATH_STYLE/],
  ])('refuses %s=%s with a plain message', (name, value, message) => {
    expect(configError({ NODE_ENV: 'development', ...S3, [name]: value })).toMatch(message);
  });
});

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

const LIMIT = 4;
const reset = (t: TestApp, n: number) => t.api('POST', '/api/auth/password-reset', { body: { email: `someone-${n}@example.ru` } });

/**
 * Several instances behind a load balancer share one Redis (REDIS_URL): a rate limit is one limit
 * across them, not one per process. Needs TEST_REDIS_URL (`.ci/run` sets it when Redis answers);
 * each database project counts in its own Redis database, emptied first.
 */
describe.skipIf(!process.env.TEST_REDIS_URL)('shared state across instances (Redis)', () => {
  const redisUrl = `${process.env.TEST_REDIS_URL}/${process.env.TEST_DB === 'postgres' ? 15 : 14}`;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    const admin = new Redis(redisUrl);
    await admin.flushdb();
    await admin.quit();
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    apps.push(await startTestApp({ ...env, REDIS_URL: redisUrl }), await startTestApp({ ...env, REDIS_URL: redisUrl }), await startTestApp(env));
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
  });

  it('counts one rate limit across instances, while a process without Redis counts alone', async () => {
    const [a, b, alone] = apps as [TestApp, TestApp, TestApp];
    const statuses = [];
    for (let n = 0; n < LIMIT; n++) statuses.push((await reset(n % 2 === 0 ? a : b, n)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(202));
    const over = await reset(b, LIMIT);
    expect(over.status).toBe(429);
    expect((await reset(a, LIMIT + 1)).status).toBe(429);
    expect((await reset(alone, 0)).status).toBe(202);
  });
});

describe('a rate limit when Redis does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9: the limit cannot be counted, and requests must still be served.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '2', REDIS_URL: 'redis://127.0.0.1:9' });
  });
  afterAll(async () => t.close());

  it('serves the request rather than failing it', async () => {
    expect((await reset(t, 1)).status).toBe(202);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

describe('platform endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with database reachability', async () => {
    const res = await t.api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('publishes an OpenAPI document of the identity routes and a browsable reference', async () => {
    const doc = await t.api('GET', '/api/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/registration/participant', '/api/auth/sign-in', '/api/parent/children/{childId}/consents', '/api/health']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    const body = doc.body.paths['/api/registration/participant'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['lastName', 'snils', 'grade']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('serves Prometheus metrics', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toContain('http_request_duration_seconds');
  });

  it('lists every subject of the Russian Federation with cities', async () => {
    const regions = (await t.api('GET', '/api/regions')).body.regions as Array<{ id: number; name: string }>;
    expect(regions).toHaveLength(89);
    const moscow = regions.find((r) => r.name === 'Москва')!;
    expect((await t.api('GET', `/api/regions/${moscow.id}/cities`)).body.cities[0].name).toBe('Москва');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

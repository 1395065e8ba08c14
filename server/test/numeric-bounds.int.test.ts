import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT4 } from '@common/schemas/fields.js';
import { startTestApp, type TestApp } from './test-app.js';
import { registerPupil } from './factories.js';
import { createStaff, regionByCode } from './staff-factories.js';

interface JsonSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  [key: string]: unknown;
}

/** Every integer schema in an OpenAPI document, with where it is. */
function integerSchemas(node: unknown, where: string, out: Array<{ where: string; schema: JsonSchema }>): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => integerSchemas(child, `${where}[${i}]`, out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema;
  if (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))) out.push({ where, schema });
  for (const [key, child] of Object.entries(schema)) integerSchemas(child, `${where}.${key}`, out);
}

describe('every number a request carries is bounded to its column type', () => {
  let t: TestApp;
  let pupilCookie: string;
  let coordinatorCookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    pupilCookie = (await registerPupil(t)).cookie;
    const kirov = await regionByCode(t, '43');
    coordinatorCookie = (await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId })).cookie;
  });
  afterAll(() => t.close());

  it('declares no integer in any route schema wider than int4 (PostgreSQL integer)', async () => {
    const doc = (await t.api('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    const found: Array<{ where: string; schema: JsonSchema }> = [];
    for (const [route, operations] of Object.entries(doc.paths)) integerSchemas(operations, route, found);
    expect(found.length).toBeGreaterThan(10);
    const unbounded = found
      .filter(({ schema }) => {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -Infinity);
        const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Infinity);
        return min < INT4.min || max > INT4.max;
      })
      .map(({ where }) => where);
    expect(unbounded).toEqual([]);
  });

  it('answers a region id past int4 on the catalogue with 400, not 500', async () => {
    for (const query of ['regionId=2147483648', 'cityId=99999999999', 'page=2147483648', 'pageSize=1e300']) {
      const res = await t.api('GET', `/api/events/catalogue?${query}`, { cookie: pupilCookie });
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
  });

  it('answers a path id past int4 with 400 naming the id', async () => {
    const res = await t.api('GET', '/api/regions/99999999999/cities');
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields.regionId).toBeDefined();
  });

  it('never answers 5xx for any integer in a numeric query or path, and accepts exactly those within int4', async () => {
    const huge = fc.oneof(
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      fc.constantFrom(BigInt(INT4.max), BigInt(INT4.max) + 1n, BigInt(INT4.min), BigInt(INT4.min) - 1n, 0n),
    );
    await fc.assert(
      fc.asyncProperty(huge, async (n) => {
        const inRange = n >= 1n && n <= BigInt(INT4.max);
        const catalogue = await t.api('GET', `/api/events/catalogue?regionId=${n}`, { cookie: pupilCookie });
        expect(catalogue.status).toBe(inRange ? 200 : 400);
        const cities = await t.api('GET', `/api/regions/${n}/cities`);
        expect(cities.status).toBeLessThan(500);
        if (!inRange) expect(cities.status).toBe(400);
        const schools = await t.api('GET', `/api/organisations?regionId=${n}`, { cookie: coordinatorCookie });
        expect(schools.status).toBeLessThan(500);
        if (!inRange) expect(schools.status).toBe(400);
      }),
      { numRuns: 40 },
    );
  });
});

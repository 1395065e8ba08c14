import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@common/roles.js';
import { ACCESS_MATRIX, type MatrixEntry, type Outcome, type Probe } from './access-matrix.js';
import { buildWorld, type Caller, type World } from './access-world.js';
import { startTestApp, type TestApp } from './test-app.js';

const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

function expected(probe: Probe, caller: Caller): Outcome {
  return probe.expect[caller] ?? (caller === 'anonymous' ? 401 : 403);
}

function matches(outcome: Outcome, status: number): boolean {
  return outcome === 'pass' ? status !== 401 && status !== 403 && status < 500 : status === outcome;
}

/** Every /api route the running app serves, as "METHOD /api/path/{param}". */
function servedRoutes(t: TestApp): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

describe('access matrix: every route, every role, own scope and someone else’s', () => {
  let t: TestApp;
  let w: World;
  const failures: string[] = [];

  beforeAll(async () => {
    // Hundreds of probes from one address must not trip the mailing limits the probes themselves check.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    w = await buildWorld(t);
  }, 120_000);
  afterAll(() => t.close());

  it('has an entry for every route the API serves, and no entry for a route that is gone', () => {
    const served = servedRoutes(t);
    const listed = ACCESS_MATRIX.map((e) => e.route).sort();
    expect(served.filter((r) => !listed.includes(r)), 'routes missing from the access matrix').toEqual([]);
    expect(listed.filter((r) => !served.includes(r)), 'matrix entries for routes that do not exist').toEqual([]);
    expect(new Set(listed).size, 'a route listed twice').toBe(listed.length);
  });

  async function run(entry: MatrixEntry) {
    const [method] = entry.route.split(' ');
    for (const probe of entry.probes) {
      for (const caller of CALLERS) {
        const cookie = caller === 'anonymous' ? undefined : w.cookies[caller];
        const body = probe.body?.(w);
        const res = await t.api(method!, probe.url(w), { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { body } : {}) });
        const want = expected(probe, caller);
        if (!matches(want, res.status)) {
          failures.push(`${entry.route} [${probe.label}] as ${caller}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
        if (probe.hidden?.from.includes(caller) && res.status === 200 && JSON.stringify(res.body).includes(probe.hidden.id(w))) {
          failures.push(`${entry.route} [${probe.label}] as ${caller}: the list shows an object outside the caller's scope`);
        }
      }
    }
  }

  it('answers each caller as the matrix says', async () => {
    for (const entry of ACCESS_MATRIX.filter((e) => !e.endsSession)) await run(entry);
    for (const entry of ACCESS_MATRIX.filter((e) => e.endsSession)) await run(entry);
    expect(failures).toEqual([]);
  }, 300_000);
});

import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import client from 'prom-client';
import type { PoolStats } from '../db/client.js';

/** Where the gauges read the process's state at each scrape; absent in a process without them. */
export interface MetricSources {
  poolStats?: () => PoolStats[];
  dueJobs?: () => Promise<Array<{ queue: string; jobs: number; oldestSeconds: number }>>;
}

/**
 * Every metric the platform exports, in one registry per application. Labels are bounded sets:
 * route patterns (never URLs), status classes, and the business events' own enumerations.
 * deploy/grafana and deploy/prometheus name only what is registered here, which
 * server/plugins/metrics.test.ts checks.
 */
export function createMetrics(sources: MetricSources = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics = {
    registry,
    httpDuration: new client.Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    httpErrors: new client.Counter({
      name: 'http_request_errors_total',
      help: 'Answers with a 4xx or 5xx status, by route pattern and status class',
      labelNames: ['method', 'route', 'status_class'] as const,
      registers,
    }),
    registrations: new client.Counter({
      name: 'bilet_registrations_total',
      help: 'Accounts registered, counted after the registration committed, by scenario and role',
      labelNames: ['scenario', 'role'] as const,
      registers,
    }),
    enrolments: new client.Counter({
      name: 'bilet_enrolments_total',
      help: 'Enrolments reaching a status (held, confirmed, waitlisted, cancelled, declined, expired), after commit',
      labelNames: ['status'] as const,
      registers,
    }),
    attemptsCompleted: new client.Counter({
      name: 'bilet_diagnostic_attempts_completed_total',
      help: 'Diagnostic attempts completed and scored, by kind (test or game), after commit',
      labelNames: ['kind'] as const,
      registers,
    }),
    supportRequests: new client.Counter({
      name: 'bilet_support_requests_total',
      help: 'Support requests registered, by channel (form or e-mail) and intake outcome, after commit',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
  };
  new client.Gauge({
    name: 'bilet_db_pool_connections',
    help: 'Connections of this process to PostgreSQL, by pool and state (total, idle, waiting requests)',
    labelNames: ['pool', 'state'] as const,
    registers,
    collect() {
      for (const p of sources.poolStats?.() ?? []) {
        this.set({ pool: p.pool, state: 'total' }, p.total);
        this.set({ pool: p.pool, state: 'idle' }, p.idle);
        this.set({ pool: p.pool, state: 'waiting' }, p.waiting);
      }
    },
  });
  new client.Gauge({
    name: 'bilet_db_pool_max_connections',
    help: 'The most connections each pool of this process opens (DATABASE_POOL_SIZE and the hot pool)',
    labelNames: ['pool'] as const,
    registers,
    collect() {
      for (const p of sources.poolStats?.() ?? []) this.set({ pool: p.pool }, p.max);
    },
  });
  // Both gauges of the backlog show one read: a scrape collects them at the same time, and a read
  // started less than a second ago is shared rather than sent again.
  type DueRows = Awaited<ReturnType<NonNullable<MetricSources['dueJobs']>>>;
  let lastRead: { at: number; rows: Promise<DueRows | null> } | undefined;
  const readDue = (): Promise<DueRows | null> => {
    if (!lastRead || Date.now() - lastRead.at > 1000) {
      // null when the queue's tables are not there yet or the database is away (/api/health says which).
      lastRead = { at: Date.now(), rows: (sources.dueJobs?.() ?? Promise.resolve([])).catch(() => null) };
    }
    return lastRead.rows;
  };
  const backlogGauge = (name: string, help: string, value: (row: DueRows[number]) => number) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers,
      // Every worker of an instance reads the same shared queue: aggregated, one reading, not their sum.
      aggregator: 'max',
      async collect() {
        const rows = await readDue();
        // Without a read the last figures would stay as if current; an empty gauge says nothing is known.
        this.reset();
        for (const r of rows ?? []) this.set({ queue: r.queue }, value(r));
      },
    });
  backlogGauge('bilet_jobs_due', 'Jobs due and not yet taken by a worker, per queue (alike on every instance: the queue is shared)', (r) => r.jobs);
  backlogGauge('bilet_jobs_oldest_due_seconds', 'How long the oldest due job of each queue has waited for a worker', (r) => r.oldestSeconds);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Equal-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at /metrics: request rate, latency and errors per route, the business events,
 * the database pools, the job queue and the process defaults. With METRICS_TOKEN set, only a scraper
 * sending it as a bearer token reads them; the page is never listed in the API reference. `read`
 * replaces this process's own figures: a cluster worker serves its whole instance's.
 */
export const metricsPlugin = fp<{ metrics: Metrics; token: string | undefined; read?: () => Promise<string> }>(async (app, { metrics, token, read }) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) {
      metrics.httpErrors.inc({ method: request.method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !sameToken(request.headers.authorization ?? '', `Bearer ${token}`)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ error: { code: 'unauthorized', message: 'Нужен токен доступа к метрикам' } });
    }
    let text: string;
    try {
      text = await (read ?? (() => metrics.registry.metrics()))();
    } catch (err) {
      // A worker of the instance did not answer in time (it is restarting): the next scrape will have it.
      request.log.warn({ err }, 'metrics not collected');
      return reply.status(503).send({ error: { code: 'metrics_unavailable', message: 'Метрики сейчас не собраны, повторите запрос' } });
    }
    return reply.type(metrics.registry.contentType).send(text);
  });
});

import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { SqlExecutor } from '../db/client.js';

const STOP_TIMEOUT_MS = 30_000;
/** How long a nudged job waits for more nudges: long enough to gather a rush, too short for anyone to notice. */
const NUDGE_DELAY_MS = 200;

export type JobHandler<T> = (data: T) => Promise<void>;
export type BatchHandler<T> = (batch: T[]) => Promise<void>;
export type QueueOptions = Omit<PgBoss.Queue, 'name'>;

/** pg-boss over our own connection (PGlite or the pool), so jobs need no extra server. */
export class JobQueue {
  private readonly boss: PgBoss;
  /** Each queue's work on a poll's jobs, and the handler of one job where the queue has one (see nudge()). */
  private readonly handlers = new Map<string, { run: BatchHandler<never>; single?: JobHandler<never>; options: QueueOptions; batchSize: number }>();
  private started = false;
  /** Our statements and handlers still running; see stop(). */
  private readonly pending = new Set<Promise<unknown>>();
  /** Queues nudged and waiting for their run in this process (see nudge()). */
  private readonly nudged = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly raw: SqlExecutor,
    private readonly log: FastifyBaseLogger,
    private readonly schedules: Array<{ name: string; cron: string }> = [],
  ) {
    const tracked: SqlExecutor = { executeSql: (text, values) => this.track(raw.executeSql(text, values)) };
    this.boss = new PgBoss({ db: tracked, schema: 'pgboss', supervise: true, schedule: schedules.length > 0 });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  /** Registers a worker of one job at a time; options (retries, backoff) apply to every job sent to that queue. */
  define<T extends object>(name: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
    const single = handler as JobHandler<never>;
    this.handlers.set(name, {
      run: async (jobs) => {
        for (const data of jobs) await single(data);
      },
      single,
      options,
      batchSize: 1,
    });
  }

  /**
   * A worker given up to `batchSize` jobs per poll together, for handlers that do a batch's work in
   * a few statements. It must be idempotent: when it fails, pg-boss retries the whole batch.
   */
  defineBatch<T extends object>(name: string, handler: BatchHandler<T>, options: QueueOptions, batchSize: number): void {
    this.handlers.set(name, { run: handler as BatchHandler<never>, options, batchSize });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const [name, { run, options, batchSize }] of this.handlers) {
      await this.createQueue(name, options);
      await this.boss.work<object>(name, { pollingIntervalSeconds: 0.5, batchSize }, async (jobs) => {
        await this.track(run(jobs.map((job) => job.data as never)));
      });
    }
    for (const s of this.schedules) await this.boss.schedule(s.name, s.cron);
    this.started = true;
  }

  /**
   * Processes starting at once on a fresh database (replicas, cluster workers) create the same
   * queues together, and PostgreSQL may end a deadlock between them by failing one; creating a
   * queue that exists is a no-op, so the loser tries again.
   */
  private async createQueue(name: string, options: QueueOptions): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.boss.createQueue(name, { name, ...options });
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || attempt === 5) throw err;
      }
    }
  }

  /** Never throws: a job that could not be queued is picked up again by its sweep. */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    try {
      await this.boss.send(name, data, options);
    } catch (err) {
      this.log.error({ err, queue: name }, 'could not queue job');
    }
  }

  /** send() for many jobs of one queue in a single statement; never throws either. */
  async sendMany(name: string, jobs: ReadonlyArray<{ data: object; singletonKey?: string }>): Promise<void> {
    try {
      await this.boss.insert(jobs.map((j) => ({ name, data: j.data, ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}) })));
    } catch (err) {
      this.log.error({ err, queue: name }, 'could not queue jobs');
    }
  }

  /**
   * Runs a queue's handler in this process shortly, once for any number of nudges meanwhile, with
   * no job row: for work a request leaves in the database (an outbox) to be done in batches. Only
   * where the workers run; the queue's schedule still sweeps up what a stopped process left.
   */
  nudge(name: string): void {
    const handler = this.handlers.get(name)?.single;
    if (!handler) throw new Error(`No handler of one job for the job queue ${name}`);
    if (!this.started || this.nudged.has(name)) return;
    const timer = setTimeout(() => {
      this.nudged.delete(name);
      this.track(handler({} as never)).catch((err: unknown) => this.log.error({ err, queue: name }, 'nudged job failed, its schedule will retry'));
    }, NUDGE_DELAY_MS);
    this.nudged.set(name, timer);
  }

  /**
   * Jobs that are due and not yet taken, per queue, with how long the oldest has waited: the
   * backlog the metrics report. Jobs deferred to a later start are not due yet and do not count.
   * Reads pg-boss's table by its index of waiting jobs (name, start_after); fails while its schema
   * is not there yet (no process has started the workers).
   */
  async dueJobs(): Promise<Array<{ queue: string; jobs: number; oldestSeconds: number }>> {
    const { rows } = await this.raw.executeSql(
      `select name as queue, count(*)::int as jobs, coalesce(extract(epoch from now() - min(start_after)), 0)::float8 as "oldestSeconds"
         from pgboss.job where state < 'active' and start_after <= now() group by name`,
    );
    const due = new Map((rows as Array<{ queue: string; jobs: number; oldestSeconds: number }>).map((r) => [r.queue, r]));
    // Every queue this process defines is reported, so a drained one reads 0 rather than vanishing.
    for (const queue of this.handlers.keys()) if (!due.has(queue)) due.set(queue, { queue, jobs: 0, oldestSeconds: 0 });
    return [...due.values()];
  }

  /**
   * Waits for running jobs to finish before the connection closes under them: a job still running
   * then would fail against a closed pool. Thirty seconds is what an orchestrator gives a stopping pod.
   * pg-boss's own wait misses a fetch already sent (its job starts after the wait) and never awaits
   * marking a job done, so we also wait until none of our statements or handlers is running, one
   * macrotask apart so that a settled fetch has started its handler. Both waits share the same
   * thirty seconds: a handler stuck on a slow service must not keep the process from exiting.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const timer of this.nudged.values()) clearTimeout(timer);
    this.nudged.clear();
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    await this.boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    while (this.pending.size > 0 && Date.now() < deadline) {
      const timeLeft = new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref());
      await Promise.race([Promise.allSettled([...this.pending]), timeLeft]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
    return work;
  }
}

import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { buildApp, startJobs } from './app.js';
import { answerClusterMetrics } from './lib/cluster-metrics.js';
import { loadConfig, type Config } from './config.js';
import { assertIndexRoot } from './modules/pd-keys/index.js';
import { seedDemoData, seedReferenceData, type DemoAccount } from './seed/seed.js';
import { ROLE_LABELS } from '../common/roles.js';

function printDemoAccounts(url: string, demo: DemoAccount[]): void {
  const lines = demo.map((d) => `  ${ROLE_LABELS[d.role].padEnd(26)} ${d.email.padEnd(30)} ${d.password ?? '—'}${d.note ? `  (${d.note})` : ''}`);
  process.stdout.write(
    `\nДемо-данные созданы. Учётные записи (роль, e-mail, пароль):\n${lines.join('\n')}\n` +
      `  Вход: ${url}/signin; родители — кнопкой «Войти через Госуслуги».\n\n`,
  );
}

function printRunning(config: Config, workers: number): void {
  process.stdout.write(
    `Билет работает: ${config.publicUrl} (база: ${config.databaseUrl ? 'PostgreSQL' : `встроенная, ${config.dataDir}`}` +
      `${workers > 1 ? `; процессов: ${workers}` : ''})\n` +
      (config.devMailbox ? `Письма: ${config.publicUrl}/dev/mail\n` : '') +
      `API: ${config.publicUrl}/api/docs\n`,
  );
}

/** Migrations, the key check and the seeds: once per machine, before anything serves. */
async function prepareDatabase(app: FastifyInstance, config: Config): Promise<DemoAccount[] | null> {
  await app.ctx.database.migrate();
  await assertIndexRoot(app.ctx);
  await seedReferenceData(app.ctx.db);
  return config.seedDemo ? seedDemoData(app.ctx) : null;
}

/** Stops once on the first of SIGINT (a terminal's Ctrl+C reaches every process of the group) and SIGTERM. */
function onStopSignal(stop: () => Promise<void>): void {
  let stopping: Promise<void> | null = null;
  const once = () => {
    stopping ??= stop().then(() => process.exit(0));
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
}

/** Serves from this process: requests and, when enabled, the job workers. */
async function serve(config: Config, prepare: boolean): Promise<void> {
  const app = await buildApp(config);
  const demo = prepare ? await prepareDatabase(app, config) : null;
  await app.listen({ port: config.port, host: config.host });
  await startJobs(app);
  onStopSignal(() => app.close());
  if (!prepare) return;
  if (demo) printDemoAccounts(config.publicUrl, demo);
  printRunning(config, 1);
}

/**
 * WEB_CONCURRENCY > 1: this process prepares the database once, then forks that many workers that
 * share the port (node:cluster hands connections out in turn) and each run the job workers too —
 * pg-boss fetches with SKIP LOCKED and claims each cron minute in its own table, so every job runs
 * once however many processes poll. A worker that dies is replaced; one that dies before it ever
 * served means the configuration or the database is wrong, and the whole instance stops.
 */
async function supervise(config: Config): Promise<void> {
  const app = await buildApp(config);
  const demo = await prepareDatabase(app, config);
  await app.close();
  let stopping = false;
  const served = new WeakSet<Worker>();
  let listening = 0;
  cluster.on('listening', (worker) => {
    served.add(worker);
    if (++listening === config.webConcurrency) {
      if (demo) printDemoAccounts(config.publicUrl, demo);
      printRunning(config, config.webConcurrency);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!served.has(worker)) {
      process.stderr.write(`Рабочий процесс ${worker.process.pid} завершился при запуске (${signal ?? code}); экземпляр останавливается\n`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`Рабочий процесс ${worker.process.pid} завершился (${signal ?? code}); запускается новый\n`);
    cluster.fork();
  });
  answerClusterMetrics();
  for (let n = 0; n < config.webConcurrency; n++) cluster.fork();
  onStopSignal(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w) && !w!.isDead());
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.kill('SIGTERM');
          }),
      ),
    );
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.webConcurrency === 1) return serve(config, true);
  if (cluster.isPrimary) return supervise(config);
  return serve(config, false);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/**
 * npm run seed:scale -- --pupils N [--database-url URL] [--recount-kpi]
 *
 * Migrates the database, adds the reference and demo data, then generates N pupils with all that
 * hangs on them (bench/scale-data.ts). The personal-data keys are the app's configuration
 * (PD_ENCRYPTION_KEY, PD_INDEX_KEY, else the development key in DATA_DIR), so the app started with
 * the same configuration reads what was sealed. PostgreSQL only: the embedded PGlite keeps one
 * connection in this process and is meant for development with the demo data. The new pupils and
 * events are marked for the KPI refresh job, which counts them in while the app runs;
 * --recount-kpi counts them here before exiting (slow: the job recounts a thousand sources a transaction).
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { seedDemoData, seedReferenceData } from '../server/seed/seed.js';
import { SCALE_PASSWORD, scaleEmail, seedScale } from './scale-data.js';
import { fmt } from './support.js';

const USAGE = 'Usage: npm run seed:scale -- --pupils N [--database-url postgres://…] [--recount-kpi]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pupils: { type: 'string' }, 'database-url': { type: 'string' }, 'recount-kpi': { type: 'boolean' } } });
  const pupils = Number(values.pupils);
  if (!Number.isInteger(pupils) || pupils < 1_000 || pupils > 20_000_000) throw new Error(`--pupils: a whole number from 1,000 to 20,000,000\n${USAGE}`);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(`seed:scale needs PostgreSQL: give --database-url or DATABASE_URL (the embedded PGlite is for the demo data only)\n${USAGE}`);
  }
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const app = await buildApp(config);
  try {
    const started = performance.now();
    const log = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
    log(`Migrating ${new URL(databaseUrl).pathname.slice(1)} and adding the reference and demo data …`);
    await app.ctx.database.migrate();
    await seedReferenceData(app.ctx.db);
    await seedDemoData(app.ctx);
    const summary = await seedScale(app.ctx, pupils, log, { recountKpi: values['recount-kpi'] });
    const largest = summary.plan.regions[0]!;
    process.stdout.write(
      `\n${fmt(pupils)} pupils generated in ${summary.seconds.toFixed(1)} s.\n` +
        `Every generated account's password: ${SCALE_PASSWORD} (e.g. ${scaleEmail('pupil', 1)}, ${scaleEmail('navigator', 1)}, ${scaleEmail('school', 1)}).\n` +
        `The largest region is ${largest.name} (${fmt(largest.pupils)} pupils): its coordinator ${scaleEmail('coordinator', largest.id)}, ` +
        `authenticator secret ${summary.totpSecret} (shared by the generated coordinators).\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

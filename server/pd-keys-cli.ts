import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { assertIndexRoot, keysReport, runRotation, startRotation } from './modules/pd-keys/index.js';

/**
 * `npm run pd-keys` prints, per master key id, how many encrypted fields and sealed files still
 * use it and whether it may be retired; `npm run pd-keys -- --rotate` re-encrypts in this process
 * and waits for the end. With the embedded database, stop the server first (one process opens it).
 */
async function main(): Promise<void> {
  const rotate = process.argv.includes('--rotate');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', JOBS_ENABLED: 'false' });
  const app = await buildApp(config);
  try {
    await app.ctx.database.migrate();
    await assertIndexRoot(app.ctx);
    if (rotate) {
      const rotation = await startRotation(app.ctx, { actorId: null, actorRole: 'system', ip: '127.0.0.1' }, { queue: false });
      await runRotation(app.ctx, app.log, rotation.id);
    }
    const report = await keysReport(app.ctx);
    const lines = report.keys.map((k) => {
      const marks = [k.current && 'current', !k.configured && 'NOT CONFIGURED', k.indexRoot && 'blind-index root', k.retirable && 'retirable'].filter(Boolean).join(', ');
      return `${k.keyId}  fields ${String(k.fields).padStart(8)}  files ${String(k.files).padStart(6)}  ${marks}`;
    });
    const last = report.rotations[0];
    process.stdout.write(
      `${lines.join('\n')}\n` +
        (last ? `last rotation ${last.id}: ${last.status}, ${last.fieldsRewritten} fields, ${last.filesRewritten} files${last.error ? `, ${last.error}` : ''}\n` : ''),
    );
    if (last?.status === 'failed' && rotate) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

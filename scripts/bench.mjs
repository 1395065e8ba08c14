// npm run bench: builds the server when it is missing or stale, then runs bench/run.ts against
// the built server (see bench/run.ts for what it measures).
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, buildIfStale } from './build-if-stale.mjs';

// The enrolment benchmark runs the app in production, which signs ESIA requests with a GOST key.
const engine = spawnSync(process.execPath, ['scripts/ensure-gost-engine.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (engine.status !== 0) process.exit(engine.status ?? 1);

try {
  await buildIfStale(['server']);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(err.exitCode ?? 1);
}

const child = spawn('npx', ['tsx', 'bench/run.ts'], { cwd: ROOT, stdio: 'inherit' });
// Ctrl+C reaches the benchmark through the process group; SIGTERM is usually aimed at us alone.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('error', (err) => {
  process.stderr.write(`Could not start the benchmark: ${err.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

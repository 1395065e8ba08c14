// npm run backup / npm run restore: builds the server when it is missing or stale, then runs the
// backup drill's command from dist/ (server/ops/backup/cli.ts), like npm start runs the server.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildIfStale } from './build-if-stale.mjs';

try {
  await buildIfStale(['server']);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(err.exitCode ?? 1);
}

const { runBackupCommand } = await import(pathToFileURL(path.join(ROOT, 'dist/server/ops/backup/cli.js')).href);
try {
  process.exit(await runBackupCommand(process.argv.slice(2)));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
}

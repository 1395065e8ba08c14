// npm start: builds the server and the web app when they are missing or stale, then runs the
// built server (dist/server/main.js).
//
// The server runs inside this process (a dynamic import) rather than as a child `node` process:
// then SIGINT/SIGTERM reach its own handlers exactly once and its exit code is ours. A child would
// get Ctrl+C twice (once from the terminal's process group, once forwarded) and main.ts's
// process.once() handlers would let the second one kill it halfway through closing the database;
// a detached child would instead escape process-group kills (Playwright's webServer, supervisors).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildIfStale } from './build-if-stale.mjs';

try {
  await buildIfStale(['server', 'web']);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(err.exitCode ?? 1);
}

await import(pathToFileURL(path.join(ROOT, 'dist/server/main.js')).href);

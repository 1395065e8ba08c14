// Rebuilds the server (tsc) and the web app (vite) when their output is missing or older than the
// sources. Shared by scripts/start.mjs and scripts/bench.mjs; dependency-free on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);

/** Newest mtime (ms) of the files under `dir`, skipping tests, node_modules and the given directories. */
function newestUnder(dir, skipDirs = []) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return 0;
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || skipDirs.includes(full)) continue;
      newest = Math.max(newest, newestUnder(full, skipDirs));
    } else if (!isTest(entry.name)) {
      newest = Math.max(newest, fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    }
  }
  return newest;
}

function newestFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

const at = (rel) => path.join(ROOT, rel);

export const TARGETS = {
  server: {
    output: 'dist/server/main.js',
    script: 'build:server',
    label: 'Собираю сервер…',
    // server/test is not compiled (tsconfig.server.json excludes it), like *.test.ts.
    newestSource: () =>
      Math.max(
        newestUnder(at('server'), [at('server/test')]),
        newestUnder(at('common')),
        newestFile(at('tsconfig.server.json')),
        newestFile(at('tsconfig.base.json')),
      ),
  },
  web: {
    output: 'dist/web/index.html',
    script: 'build:web',
    label: 'Собираю веб-приложение…',
    newestSource: () =>
      Math.max(newestUnder(at('web'), [at('web/src/test')]), newestUnder(at('common')), newestFile(at('vite.config.ts'))),
  },
};

/** Why `name` needs a build, or null when its output is up to date. */
export function staleReason(name) {
  const target = TARGETS[name];
  const output = fs.statSync(at(target.output), { throwIfNoEntry: false });
  if (!output) return `${target.output} is missing`;
  return target.newestSource() > output.mtimeMs ? `sources are newer than ${target.output}` : null;
}

function runNpmScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (err) => resolve({ code: 1, error: err }));
    child.on('exit', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

/**
 * Builds every named target that is stale, in order. Throws with a clear message on failure; a
 * failed build's output is marked as ancient so the next run rebuilds instead of using it
 * (tsc emits JavaScript even when type checking fails).
 */
export async function buildIfStale(names = ['server', 'web']) {
  for (const name of names) {
    if (!staleReason(name)) continue;
    const target = TARGETS[name];
    process.stdout.write(`${target.label}\n`);
    const { code, signal, error } = await runNpmScript(target.script);
    if (code !== 0 || error) {
      const output = at(target.output);
      if (fs.existsSync(output)) fs.utimesSync(output, 0, 0);
      const how = error ? error.message : signal ? `killed by ${signal}` : `exit code ${code}`;
      const err = new Error(`Сборка не удалась: npm run ${target.script} (${how}). Исправьте ошибки выше и запустите снова.`);
      err.exitCode = code || 1;
      throw err;
    }
  }
}

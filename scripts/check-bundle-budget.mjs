// The pupil's cabinet (/participant) is opened on phones over mobile networks: its initial
// transfer — the entry, the cabinet route's chunk, every chunk they import statically and their
// CSS, brotli-compressed — must stay within the budget. Sizes are deterministic, so this is a test
// run at the end of `npm run build`: it prints the figures and fails over the budget.
//
// Usage: node scripts/check-bundle-budget.mjs [dist/web]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_BYTES = 250 * 1000;
const ENTRY = 'index.html';
const CABINET_ROUTE = 'src/features/participant/pages/participant-page.tsx';

const distDir = path.resolve(ROOT, process.argv[2] ?? 'dist/web');
const manifestFile = path.join(distDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  process.stderr.write(`No ${path.relative(ROOT, manifestFile)}: build the web app first (npm run build:web).\n`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

/** Files a browser must fetch before the chunk `key` runs: it, its static imports (recursively) and their CSS. */
function staticClosure(key, files = new Set(), seen = new Set()) {
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`В манифесте нет ${key}`);
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) staticClosure(imported, files, seen);
  return files;
}

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

const files = [...staticClosure(CABINET_ROUTE, staticClosure(ENTRY))].sort();
const rows = files.map((file) => {
  const raw = fs.readFileSync(path.join(distDir, file));
  return { file, raw: raw.length, br: brotli(raw) };
});
const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const lines = rows.map((r) => `  ${r.file.padEnd(56)} ${kb(r.raw).padStart(10)} ${kb(r.br).padStart(10)}`);
const js = rows.filter((r) => r.file.endsWith('.js'));
const css = rows.filter((r) => r.file.endsWith('.css'));
const total = sum(rows, 'br');
process.stdout.write(
  `Initial transfer of the pupil cabinet (/participant), files: ${rows.length}\n` +
    `  ${'file'.padEnd(56)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)}\n` +
    `${lines.join('\n')}\n` +
    `  JS:  ${kb(sum(js, 'raw'))} raw, ${kb(sum(js, 'br'))} brotli\n` +
    `  CSS: ${kb(sum(css, 'raw'))} raw, ${kb(sum(css, 'br'))} brotli\n` +
    `  Total: ${kb(total)} brotli, budget ${kb(BUDGET_BYTES)}\n`,
);
if (total > BUDGET_BYTES) {
  process.stderr.write(`Over budget by ${kb(total - BUDGET_BYTES)}: the pupil cabinet loads too much.\n`);
  process.exit(1);
}

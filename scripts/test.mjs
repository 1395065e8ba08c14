// npm test: every suite in order, stopping at the first failing step, then one summary line
// "N passed, M failed[, K skipped]" taken from the runners' JSON reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

// Ctrl+C reaches the running step through the terminal's process group, so SIGINT is only noted
// here (forwarding it too would make the runners force-quit). SIGTERM is usually sent to this
// process alone, so it is passed on. Either way no further step starts.
let current = null;
let interrupted = null;
process.on('SIGINT', () => {
  interrupted ??= 'SIGINT';
});
process.on('SIGTERM', () => {
  interrupted ??= 'SIGTERM';
  current?.kill('SIGTERM');
});

/** Runs one step with inherited stdio; resolves to its exit code (128+n when killed by a signal). */
function run(command, args, { env = process.env, captureStdout = false } = {}) {
  return new Promise((resolve) => {
    process.stderr.write(`\n▶ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['inherit', captureStdout ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    current = child;
    child.on('error', (err) => {
      process.stderr.write(`${command} could not be started: ${err.message}\n`);
    });
    child.on('close', (code, signal) => {
      current = null;
      const status = code === null ? 128 + (os.constants.signals[signal] ?? 0) : code < 0 ? 1 : code; // < 0: could not start
      resolve({ code: status, stdout });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON report (Jest-compatible). A file that failed to load has no failing test in it: it counts as one failure. */
function countVitest(file) {
  const report = readJson(file);
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's JSON report: a test that passed on retry (flaky) counts as passed. */
function countPlaywright(file) {
  const stats = readJson(file)?.stats;
  if (!stats) return null;
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

function vitestArgs(projects, reportFile) {
  return ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${reportFile}`];
}

const integrationProjects = ['integration', 'integration-s3', ...(process.env.TEST_DATABASE_URL ? ['integration-postgres'] : [])];
const e2eReport = path.join(reportDir, 'e2e.json');
let chromiumPath = process.env.CHROMIUM_PATH;

const steps = [
  { name: 'lint', run: () => run('npm', ['run', 'lint']) },
  { name: 'GOST engine for ESIA signing', run: () => run(process.execPath, ['scripts/ensure-gost-engine.mjs']) },
  {
    name: 'unit and web tests',
    report: path.join(reportDir, 'unit.json'),
    count: countVitest,
    run(step) {
      return run('npx', vitestArgs(['unit', 'web'], step.report));
    },
  },
  {
    name: `integration tests (${integrationProjects.join(', ')})`,
    report: path.join(reportDir, 'integration.json'),
    count: countVitest,
    run(step) {
      return run('npx', vitestArgs(integrationProjects, step.report));
    },
  },
  { name: 'build', run: () => run('npm', ['run', 'build']) },
  {
    name: 'Chromium check',
    async run() {
      const result = await run(process.execPath, ['scripts/ensure-chromium.mjs'], { captureStdout: true });
      const found = result.stdout.trim().split('\n').pop();
      if (result.code === 0 && found) chromiumPath = found;
      return result;
    },
  },
  {
    name: 'end-to-end tests',
    report: e2eReport,
    count: countPlaywright,
    run() {
      const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport, ...(chromiumPath ? { CHROMIUM_PATH: chromiumPath } : {}) };
      return run('npx', ['playwright', 'test', '--reporter=list,json'], { env });
    },
  },
];

let exitCode = 0;
for (const step of steps) {
  const { code } = await step.run(step);
  const counts = step.count ? step.count(step.report) : null;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  if (interrupted) {
    exitCode = 128 + os.constants.signals[interrupted];
    process.stderr.write(`\n✖ Interrupted by ${interrupted} during "${step.name}"; later steps were not run.\n`);
    if (code !== 0 && (!counts || counts.failed === 0)) totals.failed += 1;
    break;
  }
  if (code !== 0) {
    exitCode = code;
    const rest = step === steps.at(-1) ? '' : '; later steps were not run';
    process.stderr.write(`\n✖ Step "${step.name}" failed with exit code ${code}${rest}.\n`);
    // A failure outside any test (build, missing browser, a runner crash) still counts once.
    if (!counts || counts.failed === 0) totals.failed += 1;
    break;
  }
}

fs.rmSync(reportDir, { recursive: true, force: true });
if (exitCode === 0 && totals.failed > 0) exitCode = 1;
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(exitCode);

// Finds the Chromium the end-to-end tests drive and prints its path on stdout (nothing else goes
// to stdout). As root on Debian it installs the distribution's package when none is found.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const log = (line) => process.stderr.write(`${line}\n`);

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function find() {
  return CANDIDATES.find(isExecutable) ?? null;
}

function run(command, args) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    // apt's progress goes to stderr so stdout carries only the path.
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) log(`${command} could not be started: ${result.error.message}`);
  return result.status === 0;
}

function fail(message) {
  log(message);
  process.exit(1);
}

const configured = process.env.CHROMIUM_PATH;
if (configured) {
  if (!isExecutable(configured)) fail(`CHROMIUM_PATH is set to "${configured}", which is not an executable file.`);
  process.stdout.write(`${configured}\n`);
  process.exit(0);
}

let found = find();
if (!found) {
  const canInstall = fs.existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;
  if (canInstall) {
    log('Chromium not found; installing the Debian package "chromium"…');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', 'chromium'])) found = find();
  }
  if (!found) {
    fail(
      [
        `Chromium is required for the end-to-end tests but was not found (looked at ${CANDIDATES.join(', ')}).`,
        canInstall ? 'Installing it with apt-get failed (see the output above).' : '',
        'Install it with:  sudo apt-get install chromium',
        'or point CHROMIUM_PATH at a Chromium/Chrome executable:  CHROMIUM_PATH=/path/to/chrome npm test',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
}
process.stdout.write(`${found}\n`);

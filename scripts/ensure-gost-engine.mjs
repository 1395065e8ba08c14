// Makes sure OpenSSL can load its GOST engine, which signs ESIA requests and which the tests of that
// path use. As root on Debian it installs the distribution's package when the engine is missing.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const log = (line) => process.stderr.write(`${line}\n`);
const engineLoads = () => spawnSync('openssl', ['engine', '-t', 'gost'], { stdio: 'ignore' }).status === 0;

if (!engineLoads()) {
  const canInstall = fs.existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;
  if (canInstall) {
    log('OpenSSL has no GOST engine; installing the Debian package "libengine-gost-openssl"…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'libengine-gost-openssl']]) {
      if (spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env }).status !== 0) break;
    }
  }
  if (!engineLoads()) {
    log(
      [
        'OpenSSL cannot load its GOST engine, which signs requests to ESIA (and the tests of that path need).',
        'Install it with:  sudo apt-get install libengine-gost-openssl',
      ].join('\n'),
    );
    process.exit(1);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppProcess {
  port: number;
  child: ChildProcess;
  /** What the process wrote to stderr, for the failure message of a test. */
  output(): string;
  /** SIGTERM (a graceful stop) unless already gone. */
  stop(): Promise<void>;
}

/**
 * `server/main.ts` in a process of its own, as `npm start` runs it in production (migrations,
 * reference data, the HTTP server and the job workers), through tsx so a clean clone needs no
 * build. Resolves once `/api/health` answers; compiling and starting take a minute or more on a
 * busy two-core machine, hence the long wait.
 */
export async function startAppProcess(port: number, env: Record<string, string>, timeoutMs = 480_000): Promise<AppProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-instance-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app process on port ${port} exited with ${child.exitCode}:\n${stderr}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { port, child, output: () => stderr, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`The app process on port ${port} did not answer within ${timeoutMs} ms:\n${stderr}`);
}

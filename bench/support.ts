import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { snilsControl } from '../common/validators.js';

/** The compiled modules, typed from their sources: the benchmark measures what `npm start` runs. */
export async function fromDist<T>(dist: string, relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(dist, relative)).href)) as T;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A SNILS with a correct control number, made from a nine-digit body. */
export function snilsOf(body: number): string {
  const digits = String(body).padStart(9, '0');
  return digits + String(snilsControl(digits)).padStart(2, '0');
}

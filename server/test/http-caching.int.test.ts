import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPupil } from './factories.js';
import { startTestApp, type TestApp } from './test-app.js';

const INDEX = '<!doctype html><html lang="ru"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `export const pages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Страница ${i}`))};\n`;

/** A built web app as `vite build` leaves it: hashed assets with brotli and gzip copies beside them. */
function writeWebApp(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const files = { 'index.html': INDEX, 'assets/index-Ab12Cd34.js': SCRIPT };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
}

describe('caching and compression', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-web-'));
    writeWebApp(webDir);
    t = await startTestApp({}, { webDistDir: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('keeps no copy of a pupil cabinet, of a failed request or of a list in any cache', async () => {
    const pupil = await registerPupil(t);
    const cabinet = await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie });
    expect(cabinet.status).toBe(200);
    expect(cabinet.headers['cache-control']).toBe('no-store');
    expect((await t.api('GET', '/api/participant/cabinet')).headers['cache-control']).toBe('no-store');
    expect((await t.api('GET', '/api/participants?q=%00')).headers['cache-control']).toBe('no-store');
  });

  it('sends a hashed script brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzip = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the browser check index.html on every visit, also for the pages of the app', async () => {
    for (const url of ['/', '/index.html', '/participant', '/staff/events/1']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(INDEX);
    }
  });
});

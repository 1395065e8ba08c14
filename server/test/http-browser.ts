import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Minimal cookie jar: Node's fetch neither keeps cookies nor sends them across redirects. */
export class CookieJar {
  #cookies = new Map<string, { value: string; path: string }>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k = '', v = ''] = attr.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now()) expired = true;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      }
      const key = `${name}\n${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { value, path });
    }
  }

  header(url: URL): string {
    const out: string[] = [];
    for (const [key, { value, path }] of this.#cookies) {
      const matches = url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
      if (matches) out.push(`${key.split('\n')[0]}=${value}`);
    }
    return out.join('; ');
  }
}

export interface Browser {
  jar: CookieJar;
  /** One request, no redirect following; cookies stored. */
  request(url: URL, init?: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export function browser(): Browser {
  const jar = new CookieJar();
  return {
    jar,
    async request(url, init = {}) {
      const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
      const cookie = jar.header(url);
      if (cookie) headers.cookie = cookie;
      let body: string | undefined;
      if (init.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(init.form).toString();
      }
      if (init.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(init.json);
      }
      const method = init.method ?? (body === undefined ? 'GET' : 'POST');
      const res = await fetch(url, { method, headers, body, redirect: 'manual' });
      jar.store(res);
      return res;
    },
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  url: string;
  /** Which backend (index into the ports given) answered each request, in the order the answers came. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A round-robin HTTP balancer in front of app instances on 127.0.0.1, as nginx or a cloud balancer
 * would stand in front of pods. A backend that refuses the connection (it is down) never received
 * the request, so the next one is tried, as nginx's `proxy_next_upstream error` does; a connection
 * lost after the request was sent is answered 502, since the write may or may not have happened
 * and only the client may decide to retry.
 */
export async function startLoadBalancer(backends: readonly number[]): Promise<LoadBalancer> {
  let next = 0;
  const served: number[] = [];

  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, tries: number) => {
    const index = next++ % backends.length;
    const upstream = http.request(
      { host: '127.0.0.1', port: backends[index], method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        served.push(index);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && tries + 1 < backends.length) return forward(req, body, res, tries + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: err.message } }));
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

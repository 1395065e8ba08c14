import { StrictMode, type ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { Providers, createQueryClient } from '../app/providers';

type Reply = { status?: number; body?: unknown };
type Handler = Reply | ((body: unknown) => Reply);

/**
 * Stands in for the server: keys are "METHOD /api/path?query", values the JSON answer (200 unless
 * told). Unknown requests fail the test loudly instead of hanging a spinner.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${init?.method ?? 'GET'} ${url}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    const reply = typeof handler === 'function' ? handler(body) : handler;
    return new Response(reply.body === undefined ? '' : JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Calls made to one endpoint, with their parsed JSON bodies. */
export function callsTo(fetchMock: ReturnType<typeof mockApi>, key: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}` === key)
    .map(([, init]) => (init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined));
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders one page at a route inside the real providers, under StrictMode like the app. */
export function renderPage(page: ReactElement, { path, url = path }: { path: string; url?: string }) {
  return render(
    <StrictMode>
      <Providers queryClient={createQueryClient()} env="test">
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={page} />
            <Route path="*" element={null} />
          </Routes>
          <Location />
        </MemoryRouter>
      </Providers>
    </StrictMode>,
  );
}

export const signedOut = { 'GET /api/auth/session': { body: { account: null } } };

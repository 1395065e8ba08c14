import { StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, signedOut } from '../test/render';
import { Layout } from './layout';
import { Providers, createQueryClient } from './providers';

afterEach(() => vi.unstubAllGlobals());

const authConfig = (development: boolean) => ({
  'GET /api/auth/config': { body: { esiaEmulator: development, devMailbox: development, development } },
});

/** The layout reads route handles (a table page's width), so it needs a data router like the app's. */
function renderLayout() {
  const router = createMemoryRouter([{ path: '/', element: <Layout /> }], { initialEntries: ['/'] });
  return render(
    <StrictMode>
      <Providers queryClient={createQueryClient()} env="test">
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

describe('footer', () => {
  it('links the API reference and the dev mailbox in development', async () => {
    mockApi({ ...signedOut, ...authConfig(true) });
    renderLayout();

    expect(await screen.findByRole('link', { name: 'Документация API' })).toHaveAttribute('href', '/api/docs');
    expect(screen.getByRole('link', { name: 'Почтовый ящик для разработки' })).toHaveAttribute('href', '/dev/mail');
  });

  it('shows no developer links in production', async () => {
    const fetchMock = mockApi({ ...signedOut, ...authConfig(false) });
    renderLayout();

    expect(await screen.findByRole('link', { name: 'Помощь и поддержка' })).toHaveAttribute('href', '/help');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/config', expect.anything()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Документация API' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Почтовый ящик для разработки' })).not.toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage, signedOut } from '../test/render';
import { Layout } from './layout';

afterEach(() => vi.unstubAllGlobals());

const authConfig = (development: boolean) => ({
  'GET /api/auth/config': { body: { esiaEmulator: development, devMailbox: development, development } },
});

describe('footer', () => {
  it('links the API reference and the dev mailbox in development', async () => {
    mockApi({ ...signedOut, ...authConfig(true) });
    renderPage(<Layout />, { path: '/' });

    expect(await screen.findByRole('link', { name: 'Документация API' })).toHaveAttribute('href', '/api/docs');
    expect(screen.getByRole('link', { name: 'Почтовый ящик для разработки' })).toHaveAttribute('href', '/dev/mail');
  });

  it('shows no developer links in production', async () => {
    const fetchMock = mockApi({ ...signedOut, ...authConfig(false) });
    renderPage(<Layout />, { path: '/' });

    expect(await screen.findByRole('link', { name: 'Поддержка' })).toBeVisible();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/config', expect.anything()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Документация API' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Почтовый ящик для разработки' })).not.toBeInTheDocument();
  });
});

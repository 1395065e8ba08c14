import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage, signedOut } from '../test/render';
import { RequireRole } from './require-role';

afterEach(() => vi.unstubAllGlobals());

const page = (
  <RequireRole roles={['participant']}>
    <p>Кабинет школьника</p>
  </RequireRole>
);

describe('signed-in pages', () => {
  it('send a visitor to sign in and remember where they were going', async () => {
    mockApi(signedOut);
    renderPage(page, { path: '/participant', url: '/participant?tab=1' });

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/signin?returnTo=%2Fparticipant%3Ftab%3D1'));
  });

  it('point someone with another role to their own cabinet', async () => {
    mockApi({
      'GET /api/auth/session': {
        body: { account: { id: 'm1', role: 'parent', status: 'active', firstName: 'Мария', lastName: 'Иванова', emailVerified: true } },
      },
    });
    renderPage(page, { path: '/participant' });

    expect(await screen.findByRole('link', { name: 'Перейти в мой кабинет' })).toHaveAttribute('href', '/parent');
    expect(screen.queryByText('Кабинет школьника')).not.toBeInTheDocument();
  });
});

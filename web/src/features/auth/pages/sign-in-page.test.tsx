import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage, signedOut } from '../../../test/render';
import { SignInPage } from './sign-in-page';

afterEach(() => vi.unstubAllGlobals());

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Электронная почта'), 'someone@example.ru');
  await user.type(screen.getByLabelText('Пароль'), 'correct horse');
  await user.click(screen.getByRole('button', { name: 'Войти' }));
}

describe('sign-in page', () => {
  it.each([
    ['participant', '/participant'],
    ['parent', '/parent'],
    ['regional_coordinator', '/staff'],
  ])('sends a %s to %s', async (role, home) => {
    const fetchMock = mockApi({ ...signedOut, 'POST /api/auth/sign-in': { body: { role } } });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(home));
    expect(callsTo(fetchMock, 'POST /api/auth/sign-in')).toEqual([{ email: 'someone@example.ru', password: 'correct horse' }]);
  });

  it('returns to the page that asked for sign-in', async () => {
    mockApi({ ...signedOut, 'POST /api/auth/sign-in': { body: { role: 'parent' } } });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin', url: '/signin?returnTo=%2Finvite%2Fabc' });

    await signIn(user);

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/invite/abc'));
  });

  it('ignores a return address on another site', async () => {
    mockApi({ ...signedOut, 'POST /api/auth/sign-in': { body: { role: 'participant' } } });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin', url: '/signin?returnTo=%2F%2Fevil.example' });

    await signIn(user);

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/participant'));
  });

  it('shows the server message and stays on the page when the password is wrong', async () => {
    mockApi({
      ...signedOut,
      'POST /api/auth/sign-in': { status: 401, body: { error: { code: 'bad_credentials', message: 'Неверная электронная почта или пароль' } } },
    });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Неверная электронная почта или пароль');
    expect(screen.getByTestId('location')).toHaveTextContent('/signin');
    expect(screen.getByLabelText('Пароль')).toHaveValue('');
  });

  it('offers parents the Госуслуги sign-in that comes back to the same place', () => {
    mockApi(signedOut);
    renderPage(<SignInPage />, { path: '/signin', url: '/signin?returnTo=%2Finvite%2Fabc' });

    expect(screen.getByRole('link', { name: 'Войти через Госуслуги' })).toHaveAttribute(
      'href',
      '/api/auth/esia/start?returnTo=%2Finvite%2Fabc',
    );
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage, signedOut } from '@web/test/render';
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

describe('sign-in page, second step', () => {
  const challenge = 'c'.repeat(43);
  const askForCode = { 'POST /api/auth/sign-in': { body: { secondFactorRequired: true, challenge } } };

  it('asks for the code from the app after the password and then opens the cabinet', async () => {
    const fetchMock = mockApi({ ...signedOut, ...askForCode, 'POST /api/auth/sign-in/second-factor': { body: { role: 'regional_coordinator' } } });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);

    const code = await screen.findByLabelText('Код из приложения');
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(screen.getByTestId('location')).toHaveTextContent('/signin');
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff'));
    expect(callsTo(fetchMock, 'POST /api/auth/sign-in/second-factor')).toEqual([{ challenge, code: '123 456' }]);
  });

  it('checks the code before sending it', async () => {
    const fetchMock = mockApi({ ...signedOut, ...askForCode });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);
    await user.type(await screen.findByLabelText('Код из приложения'), '12a');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect(await screen.findByText('Введите 6 цифр из приложения-аутентификатора')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/auth/sign-in/second-factor')).toEqual([]);
  });

  it('shows why a code did not fit, clears it, and accepts a recovery code instead', async () => {
    let attempts = 0;
    const fetchMock = mockApi({
      ...signedOut,
      ...askForCode,
      'POST /api/auth/sign-in/second-factor': () =>
        ++attempts === 1
          ? { status: 401, body: { error: { code: 'bad_second_factor_code', message: 'Код не подошёл', fields: { code: 'Код не подошёл. Введите новый код' } } } }
          : { body: { role: 'issuer_admin' } },
    });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);
    await user.type(await screen.findByLabelText('Код из приложения'), '000000');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect(await screen.findByText('Код не подошёл. Введите новый код')).toBeInTheDocument();
    expect(screen.getByLabelText('Код из приложения')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Нет доступа к приложению? Ввести резервный код' }));
    const recovery = screen.getByLabelText('Резервный код');
    await waitFor(() => expect(recovery).toHaveFocus());
    await user.type(recovery, 'K7M2Q-X9HTA');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff'));
    expect(callsTo(fetchMock, 'POST /api/auth/sign-in/second-factor')).toEqual([
      { challenge, code: '000000' },
      { challenge, code: 'K7M2Q-X9HTA' },
    ]);
  });

  it('goes back to the password with an explanation when the time for the code ran out', async () => {
    mockApi({
      ...signedOut,
      ...askForCode,
      'POST /api/auth/sign-in/second-factor': {
        status: 401,
        body: { error: { code: 'second_factor_challenge_invalid', message: 'Время на ввод кода вышло. Введите почту и пароль ещё раз' } },
      },
    });
    const user = userEvent.setup();
    renderPage(<SignInPage />, { path: '/signin' });

    await signIn(user);
    await user.type(await screen.findByLabelText('Код из приложения'), '123456');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Время на ввод кода вышло');
    expect(screen.getByLabelText('Электронная почта')).toHaveValue('someone@example.ru');
    expect(screen.getByLabelText('Пароль')).toHaveValue('');
  });
});

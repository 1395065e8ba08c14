import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAFF_CONSENT } from '@common/organisations.js';
import { callsTo, mockApi, renderPage, signedOut } from '@web/test/render';
import { StaffConsentPage } from './consent-page';
import { SecondFactorPage } from './second-factor-page';
import { StaffInvitationPage } from './staff-invitation-page';

afterEach(() => vi.unstubAllGlobals());

const account = (gate: string | null) => ({
  body: {
    account: { id: 'c1', role: 'regional_coordinator', status: 'active', firstName: 'Ольга', lastName: 'Смирнова', emailVerified: true, gate, regionId: 43, schoolId: null, venueId: null },
  },
});

const codes = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);

describe('second factor gate page', () => {
  it('walks from the QR code to the recovery codes and on to the cabinet once they are saved', async () => {
    let enabled = false;
    const fetchMock = mockApi({
      'GET /api/auth/session': () => account(enabled ? null : 'totp_setup'),
      'GET /api/auth/second-factor': () => ({ body: { enabled, required: true, recoveryCodesLeft: enabled ? 10 : 0 } }),
      'POST /api/auth/second-factor/setup': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', qrDataUrl: 'data:image/png;base64,AAAA' } },
      'POST /api/auth/second-factor/enable': () => {
        enabled = true;
        return { body: { recoveryCodes: codes } };
      },
    });
    const user = userEvent.setup();
    renderPage(<SecondFactorPage />, { path: '/staff/second-factor' });
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/auth/session')).toHaveLength(1));

    await user.click(await screen.findByRole('button', { name: 'Приложение есть — показать QR-код' }));
    expect(await screen.findByRole('img', { name: 'QR-код для приложения-аутентификатора' })).toHaveAttribute('src', 'data:image/png;base64,AAAA');
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Код из приложения'), '123456');
    await user.click(screen.getByRole('button', { name: 'Включить вход с кодом' }));

    const list = await screen.findByRole('list', { name: 'Резервные коды' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(codes);
    expect(screen.getByRole('button', { name: 'Скачать файл .txt' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/staff/second-factor');

    await user.click(screen.getByRole('button', { name: 'Я сохранил коды' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/staff$/));
    expect(callsTo(fetchMock, 'POST /api/auth/second-factor/enable')).toEqual([{ code: '123456' }]);
    expect(callsTo(fetchMock, 'GET /api/auth/session').length).toBeGreaterThan(1);
  });
});

describe('staff consent page', () => {
  it('asks to tick the box, records the accepted version and opens the cabinet', async () => {
    const fetchMock = mockApi({
      'GET /api/auth/session': account('pd_consent'),
      'GET /api/staff/consent': { body: { ...STAFF_CONSENT, acceptedVersion: null, acceptedAt: null } },
      'POST /api/staff/consent': { body: { ...STAFF_CONSENT, acceptedVersion: STAFF_CONSENT.version, acceptedAt: '2026-11-02T10:00:00.000Z' } },
    });
    const user = userEvent.setup();
    renderPage(<StaffConsentPage />, { path: '/staff/consent' });

    expect(await screen.findByRole('heading', { name: STAFF_CONSENT.title })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Принять и продолжить' }));
    expect(await screen.findByText('Отметьте, что вы прочитали согласие и принимаете его')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/staff/consent')).toEqual([]);

    await user.click(screen.getByLabelText('Я прочитал(а) согласие и принимаю его'));
    await user.click(screen.getByRole('button', { name: 'Принять и продолжить' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/staff$/));
    expect(callsTo(fetchMock, 'POST /api/staff/consent')).toEqual([{ version: STAFF_CONSENT.version }]);
  });
});

describe('staff invitation page', () => {
  const token = 't'.repeat(43);
  const details = {
    firstName: 'Анна',
    lastName: 'Петрова',
    role: 'school',
    roleLabel: 'Школа',
    organisation: 'Гимназия № 1',
    email: 'anna@example.ru',
    inviterName: 'Ольга Смирнова',
  };

  it('says who invites whom, checks the repeated password and signs the new staff member in', async () => {
    const fetchMock = mockApi({
      ...signedOut,
      [`GET /api/staff-invitations/${token}`]: { body: details },
      'POST /api/staff-invitations/accept': { body: { role: 'school' } },
    });
    const user = userEvent.setup();
    renderPage(<StaffInvitationPage />, { path: '/staff-invitation', url: `/staff-invitation?token=${token}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'Анна, вас приглашают в «Билет в будущее»' })).toBeInTheDocument();
    expect(screen.getByText(/Ольга Смирнова приглашает вас/)).toBeInTheDocument();
    expect(screen.getByText('Гимназия № 1')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Пароль'), 'рабочий-пароль-анны');
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'рабочий-пароль-ани');
    await user.click(screen.getByRole('button', { name: 'Принять приглашение' }));
    expect(await screen.findByText('Пароли не совпадают — введите тот же пароль ещё раз')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/staff-invitations/accept')).toEqual([]);

    await user.clear(screen.getByLabelText('Пароль ещё раз'));
    await user.type(screen.getByLabelText('Пароль ещё раз'), 'рабочий-пароль-анны');
    await user.click(screen.getByRole('button', { name: 'Принять приглашение' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/staff$/));
    expect(callsTo(fetchMock, 'POST /api/staff-invitations/accept')).toEqual([{ token, password: 'рабочий-пароль-анны' }]);
  });

  it('explains a link that was already used', async () => {
    mockApi({
      ...signedOut,
      [`GET /api/staff-invitations/${token}`]: {
        status: 410,
        body: { error: { code: 'token_used', message: 'Это приглашение уже принято. Войдите с адресом почты и паролем' } },
      },
    });
    renderPage(<StaffInvitationPage />, { path: '/staff-invitation', url: `/staff-invitation?token=${token}` });

    expect(await screen.findByRole('heading', { name: 'Приглашение больше не действует' })).toBeInTheDocument();
    expect(screen.getByText(/уже принято/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Перейти ко входу' })).toHaveAttribute('href', '/signin');
  });
});

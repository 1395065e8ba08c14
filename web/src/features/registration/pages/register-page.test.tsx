import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage, signedOut } from '@web/test/render';
import { RegisterPage } from './register-page';

afterEach(() => vi.unstubAllGlobals());

const SCHOOL_ID = '5b0c2b6e-4a55-4a8e-9a43-0d6f1f6f2a10';
const reference = {
  'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
  'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
  'GET /api/regions/43/schools?cityId=7': { body: { schools: [{ id: SCHOOL_ID, name: 'Школа № 14', cityId: 7 }] } },
};
// Thirteen years old whenever the test runs.
const birthDate = `${new Date().getFullYear() - 13}-03-01`;

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Фамилия'), 'Смирнова');
  await user.type(screen.getByLabelText('Имя'), 'Алиса');
  fireEvent.change(screen.getByLabelText('Дата рождения'), { target: { value: birthDate } });
  await user.type(screen.getByLabelText('СНИЛС'), '112-233-445 95');
  await choose(user, 'Класс', '7 класс');
  await choose(user, 'Регион', 'Кировская область');
  await choose(user, 'Город', 'Киров');
  await choose(user, 'Школа', 'Школа № 14');
  await user.type(screen.getByLabelText('Электронная почта'), 'Alisa@Example.ru');
  await user.type(screen.getByLabelText('Телефон'), '8 (900) 123-45-67');
  await user.type(screen.getByLabelText('Пароль'), 'морская-звезда-42');
  await user.click(screen.getByLabelText('Согласен(на) с правилами участия'));
}

describe('registration form', () => {
  it('checks the fields in the browser before sending anything', async () => {
    const fetchMock = mockApi({ ...signedOut, ...reference });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { path: '/register' });

    await user.type(screen.getByLabelText('СНИЛС'), '123');
    await user.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));

    expect(await screen.findByText('СНИЛС состоит из 11 цифр')).toBeInTheDocument();
    expect(screen.getByLabelText('Фамилия')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Нужно согласиться с правилами участия')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/registration/participant')).toHaveLength(0);
  });

  it('sends the normalised form and opens the cabinet', async () => {
    const fetchMock = mockApi({
      ...signedOut,
      ...reference,
      'POST /api/registration/participant': { status: 201, body: { accountId: 'a1', activationRequired: true } },
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { path: '/register' });

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/participant'));
    expect(callsTo(fetchMock, 'POST /api/registration/participant')).toEqual([
      {
        lastName: 'Смирнова',
        firstName: 'Алиса',
        birthDate,
        grade: 7,
        regionId: 43,
        cityId: 7,
        schoolId: SCHOOL_ID,
        snils: '11223344595',
        email: 'alisa@example.ru',
        phone: '+79001234567',
        password: 'морская-звезда-42',
        acceptTerms: true,
      },
    ]);
  });

  it('puts server field errors next to their inputs and the rest in an alert', async () => {
    mockApi({
      ...signedOut,
      ...reference,
      'POST /api/registration/participant': {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'Проверьте введённые данные',
            fields: { schoolId: 'Выберите школу из списка этого региона', email: 'Этот адрес уже зарегистрирован' },
          },
        },
      },
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { path: '/register' });

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));

    const email = screen.getByLabelText('Электронная почта');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(expect.stringContaining('Этот адрес уже зарегистрирован'));
    expect(screen.getByLabelText('Школа')).toHaveAccessibleDescription(
      expect.stringContaining('Выберите школу из списка этого региона'),
    );
    expect(within(screen.getByRole('alert')).getByText('Проверьте введённые данные')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/register');
  });

  it('maps the school error to the typed school name when the school is not listed', async () => {
    mockApi({
      ...signedOut,
      ...reference,
      'POST /api/registration/participant': {
        status: 400,
        body: { error: { code: 'invalid_input', message: 'Проверьте введённые данные', fields: { schoolId: 'Школа не найдена' } } },
      },
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { path: '/register' });

    await fillValidForm(user);
    await user.click(screen.getByLabelText('Моей школы нет в списке'));
    await user.type(screen.getByLabelText('Название школы'), 'МБОУ СОШ № 5');
    await user.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));

    await waitFor(() => expect(screen.getByLabelText('Название школы')).toHaveAccessibleDescription(expect.stringContaining('Школа не найдена')));
  });

  it('says plainly when the invitation has expired and offers a new link', async () => {
    const token = 'x'.repeat(32);
    const fetchMock = mockApi({
      ...signedOut,
      ...reference,
      [`GET /api/invitations/by-token/${token}`]: {
        body: { kind: 'child', state: 'expired', inviterName: 'Мария И.', expiresAt: '2026-01-01T00:00:00Z' },
      },
      [`POST /api/invitations/by-token/${token}/renew`]: { body: { ok: true } },
    });
    const user = userEvent.setup();
    renderPage(<RegisterPage />, { path: '/register', url: `/register?invitation=${token}` });

    expect(await screen.findByText('Срок приглашения истёк')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Запросить новую ссылку' }));

    expect(await screen.findByText(/Новая ссылка ушла на почту/)).toBeInTheDocument();
    expect(callsTo(fetchMock, `POST /api/invitations/by-token/${token}/renew`)).toHaveLength(1);
  });
});

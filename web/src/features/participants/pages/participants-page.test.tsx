import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@common/roles.js';
import type { ParticipantListItem } from '@common/schemas/participants.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { ParticipantsPage } from './participants-page';

afterEach(() => vi.unstubAllGlobals());

const pupil = (id: string, lastName: string, extra: Partial<ParticipantListItem> = {}): ParticipantListItem => ({
  id,
  lastName,
  firstName: 'Анна',
  middleName: null,
  grade: 7,
  school: { id: 'sch1', name: 'Школа № 5' },
  snilsMasked: '***-***-*** 42',
  activated: false,
  parentLinked: false,
  tested: false,
  consentGiven: false,
  navigator: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...extra,
});

const items = [pupil('p1', 'Абрамова', { activated: true, parentLinked: true, consentGiven: true }), pupil('p2', 'Белова')];
const list = { 'GET /api/participants?sort=name&order=asc&pageSize=20': { body: { items, nextCursor: null, total: 2 } } };
const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: { account: { id: 's1', role, status: 'active', firstName: 'Ольга', lastName: 'Петрова', emailVerified: true, gate: null, regionId: 43, schoolId: 'sch1', venueId: null } },
  },
});
const navigators = {
  'GET /api/staff?role=navigator&sort=name&pageSize=100': {
    body: {
      items: [
        { id: 'n1', lastName: 'Смирнова', firstName: 'Ирина', middleName: 'Олеговна', role: 'navigator', status: 'active' },
        { id: 'n2', lastName: 'Уволенный', firstName: 'Пётр', middleName: null, role: 'navigator', status: 'disabled' },
      ],
      total: 2,
      page: 1,
      pageSize: 100,
    },
  },
};

describe('participants page', () => {
  it('shows a school its pupils with statuses in words and assigns the selected ones to a navigator', async () => {
    const fetchMock = mockApi({ ...session('school'), ...list, ...navigators, 'POST /api/participants/navigator': { body: { assigned: 2 } } });
    const user = userEvent.setup();
    renderPage(<ParticipantsPage />, { path: '/staff/participants' });

    const row = (await screen.findByText('Абрамова Анна')).closest('tr')!;
    expect(within(row).getByText('Кабинет активирован')).toBeInTheDocument();
    expect(within(row).getByText('***-***-*** 42')).toBeInTheDocument();
    expect(within(screen.getByText('Белова Анна').closest('tr')!).getByText('Нет согласия')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /Школа/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Выбрать все показанные' }));
    await user.click(screen.getByRole('button', { name: 'Назначить навигатора' }));
    const dialog = await screen.findByRole('dialog', { name: 'Назначить навигатора' });
    await user.click(within(dialog).getByLabelText(/^Навигатор/));
    expect(screen.queryByRole('option', { name: 'Уволенный Пётр' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'Смирнова Ирина Олеговна' }));
    await user.click(within(dialog).getByRole('button', { name: 'Назначить' }));

    expect(await screen.findByText('Навигатор Смирнова Ирина Олеговна назначен 2 ученикам.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/participants/navigator')).toEqual([{ participantIds: ['p1', 'p2'], navigatorId: 'n1' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('registers a pupil and says when the child was found instead of created', async () => {
    const fetchMock = mockApi({ ...session('school'), ...list, ...navigators, 'POST /api/participants': { body: { id: 'p9', outcome: 'matched' } } });
    const user = userEvent.setup();
    renderPage(<ParticipantsPage />, { path: '/staff/participants' });

    await user.click(await screen.findByRole('button', { name: 'Зарегистрировать участника' }));
    const dialog = await screen.findByRole('dialog', { name: 'Зарегистрировать участника' });
    await user.click(within(dialog).getByRole('button', { name: 'Зарегистрировать' }));
    expect(await within(dialog).findByText('Выберите класс')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/participants')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Фамилия/), 'Васильева');
    await user.type(within(dialog).getByLabelText(/^Имя/), 'Мария');
    await user.type(within(dialog).getByLabelText(/^Дата рождения/), '2013-05-20');
    await user.click(within(dialog).getByLabelText(/^Класс/));
    await user.click(await screen.findByRole('option', { name: '7 класс' }));
    await user.type(within(dialog).getByLabelText(/^СНИЛС/), '112-233-445 95');
    await user.type(within(dialog).getByLabelText(/^Электронная почта/), 'masha@example.ru');
    await user.click(within(dialog).getByRole('button', { name: 'Зарегистрировать' }));

    expect(await screen.findByText('Ребёнок уже был в программе')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/participants')).toEqual([
      { lastName: 'Васильева', firstName: 'Мария', birthDate: '2013-05-20', grade: 7, snils: '112-233-445 95', email: 'masha@example.ru' },
    ]);
  });

  it('shows a coordinator the school of each pupil and nothing to change', async () => {
    mockApi({ ...session('regional_coordinator'), ...list, 'GET /api/regions/43/schools': { body: { schools: [{ id: 'sch1', name: 'Школа № 5', cityId: 1 }] } } });
    renderPage(<ParticipantsPage />, { path: '/staff/participants' });

    expect(await screen.findByRole('heading', { name: 'Участники региона' })).toBeInTheDocument();
    expect(await screen.findAllByText('Школа № 5')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Зарегистрировать участника' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /СНИЛС и документ/ })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Поиск по ФИО или почте' })).toHaveAccessibleDescription('Сначала — те, чья фамилия начинается с запроса');
  });

  it('adds the next page below with «Показать ещё», keeping sort and filter in the address', async () => {
    const query = 'sort=grade&order=desc&pageSize=20&grade=7';
    const fetchMock = mockApi({
      ...session('regional_coordinator'),
      'GET /api/regions/43/schools': { body: { schools: [] } },
      [`GET /api/participants?${query}`]: { body: { items, nextCursor: 'c1', total: null } },
      [`GET /api/participants?${query}&after=c1`]: { body: { items: [pupil('p3', 'Волкова')], nextCursor: null, total: null } },
    });
    const user = userEvent.setup();
    renderPage(<ParticipantsPage />, { path: '/staff/participants', url: '/staff/participants?sort=grade&order=desc&grade=7' });

    expect(await screen.findByText('Белова Анна')).toBeInTheDocument();
    // Nobody counted a filtered list: it says how many are shown, not how many there are.
    expect(screen.getByText('Показано: 2 записи')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Класс/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.queryByRole('button', { name: /^Школа/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByText('Волкова Анна')).toBeInTheDocument();
    expect(screen.getByText('Абрамова Анна')).toBeInTheDocument();
    expect(screen.getByText('Найдено: 3 записи')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(screen.getByTestId('location')).toHaveTextContent('/staff/participants?sort=grade&order=desc&grade=7');
  });

  it('states the total the server knows and how many of them are shown', async () => {
    mockApi({ ...session('school'), ...navigators, 'GET /api/participants?sort=name&order=asc&pageSize=20': { body: { items, nextCursor: 'c1', total: 41 } } });
    renderPage(<ParticipantsPage />, { path: '/staff/participants' });
    expect(await screen.findByText('Найдено: 41 запись, показано 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Показать ещё' })).toBeInTheDocument();
  });
});

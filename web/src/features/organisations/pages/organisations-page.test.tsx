import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { OrganisationListItem } from '../api/organisations-api';
import { OrganisationsPage } from './organisations-page';

afterEach(() => vi.unstubAllGlobals());

const coordinator = {
  id: 'c1',
  role: 'regional_coordinator',
  status: 'active',
  firstName: 'Ольга',
  lastName: 'Смирнова',
  emailVerified: true,
  gate: null,
  regionId: 43,
  schoolId: null,
  venueId: null,
};

const SCHOOL_ID = '0f8b5a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';

function school(over: Partial<OrganisationListItem>): OrganisationListItem {
  return {
    id: SCHOOL_ID,
    name: 'Лицей № 21',
    inn: '4345000012',
    status: 'active',
    createdAt: '2026-08-20T10:00:00Z',
    regionId: 43,
    regionName: 'Кировская область',
    cityId: 7,
    cityName: 'Киров',
    size: 412,
    staffCount: 3,
    ...over,
  };
}

const page = (items: OrganisationListItem[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });
const listKey = (params: Record<string, string>) =>
  `GET /api/organisations?${new URLSearchParams({ sort: 'name', order: 'asc', page: '1', pageSize: '20', ...params }).toString()}`;

const base = {
  'GET /api/auth/session': { body: { account: coordinator } },
  'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
  'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
};

describe('organisations list', () => {
  it('shows the rows of the page and asks the server to sort and search', async () => {
    const fetchMock = mockApi({
      ...base,
      [listKey({ kind: 'school' })]: page([school({}), school({ id: 'b2', name: 'Школа № 5', cityName: 'Слободской', status: 'suspended' })]),
      [listKey({ sort: 'city', kind: 'school' })]: page([school({ id: 'b2', name: 'Школа № 5', cityName: 'Слободской' }), school({})]),
      [listKey({ sort: 'city', q: 'Лицей', kind: 'school' })]: page([school({})]),
    });
    const user = userEvent.setup();
    renderPage(<OrganisationsPage />, { path: '/staff/organisations' });

    const link = await screen.findByRole('link', { name: 'Лицей № 21' });
    expect(link).toHaveAttribute('href', `/staff/organisations/school/${SCHOOL_ID}`);
    const suspendedRow = screen.getByRole('row', { name: /Школа № 5/ });
    expect(within(suspendedRow).getByText('Приостановлена')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Участников/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Город/ }));
    // The search waits for typing to pause; on two busy cores the request can come after the default second.
    await waitFor(() => expect(callsTo(fetchMock, listKey({ sort: 'city', kind: 'school' }))).toHaveLength(1), { timeout: 5000 });
    expect(screen.getByRole('columnheader', { name: /Город/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.type(screen.getByLabelText('Название, адрес или ИНН'), 'Лицей');
    await waitFor(() => expect(callsTo(fetchMock, listKey({ sort: 'city', q: 'Лицей', kind: 'school' }))).toHaveLength(1), { timeout: 5000 });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Школа № 5' })).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent(`/staff/organisations?q=${encodeURIComponent('Лицей')}&sort=city`);
  });

  it('switches to venues, whose size is their places', async () => {
    const fetchMock = mockApi({
      ...base,
      [listKey({ kind: 'school' })]: page([school({})]),
      [listKey({ kind: 'venue' })]: page([school({ id: 'v1', name: 'Вятский колледж', size: 2 })]),
    });
    const user = userEvent.setup();
    renderPage(<OrganisationsPage />, { path: '/staff/organisations' });

    await user.click(await screen.findByRole('tab', { name: 'Площадки' }));
    expect(await screen.findByRole('link', { name: 'Вятский колледж' })).toHaveAttribute('href', '/staff/organisations/venue/v1');
    expect(screen.getByRole('columnheader', { name: /Мест проведения/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Зарегистрировать площадку' })).toBeInTheDocument();
    expect(callsTo(fetchMock, listKey({ kind: 'venue' }))).toHaveLength(1);
  });
});

describe('registering a school', () => {
  it('shows the server’s message next to the ИНН it refused', async () => {
    const fetchMock = mockApi({
      ...base,
      [listKey({ kind: 'school' })]: page([]),
      'POST /api/schools': {
        status: 409,
        body: {
          error: {
            code: 'organisation_exists',
            message: 'Школа с таким ИНН уже зарегистрирована',
            fields: { inn: 'Организация с этим ИНН уже есть в программе — найдите её в списке' },
          },
        },
      },
    });
    const user = userEvent.setup();
    renderPage(<OrganisationsPage />, { path: '/staff/organisations' });

    await user.click(await screen.findByRole('button', { name: 'Зарегистрировать школу' }));
    const form = within(await screen.findByRole('dialog', { name: 'Зарегистрировать школу' }));
    // Pasting rather than typing keeps the long form quick to fill.
    const fill = async (label: string, value: string) => {
      await user.click(form.getByLabelText(label));
      await user.paste(value);
    };
    await fill('Название', 'МБОУ СОШ № 14');
    await fill('ИНН', '7707083893');
    await fill('ОГРН', '1027700132195');
    await user.click(form.getByLabelText('Город'));
    await user.click(await form.findByRole('option', { name: 'Киров' }));
    await fill('Адрес', 'ул. Ленина, д. 10');
    await fill('Фамилия', 'Петрова');
    await fill('Имя', 'Анна');
    await fill('Электронная почта', 'Petrova@School14.ru');
    await user.click(form.getByRole('button', { name: 'Зарегистрировать школу' }));

    const inn = form.getByLabelText('ИНН');
    await waitFor(() => expect(inn).toHaveAttribute('aria-invalid', 'true'));
    expect(inn).toHaveAccessibleDescription(expect.stringContaining('Организация с этим ИНН уже есть в программе'));
    expect(form.getByRole('alert')).toHaveTextContent('Школа с таким ИНН уже зарегистрирована');
    expect(callsTo(fetchMock, 'POST /api/schools')).toEqual([
      {
        name: 'МБОУ СОШ № 14',
        inn: '7707083893',
        ogrn: '1027700132195',
        cityId: 7,
        address: 'ул. Ленина, д. 10',
        phone: null,
        email: null,
        website: null,
        headName: null,
        responsible: { lastName: 'Петрова', firstName: 'Анна', email: 'petrova@school14.ru', position: null },
      },
    ]);
  });

  it('checks ИНН and ОГРН in the browser before sending anything', async () => {
    const fetchMock = mockApi({ ...base, [listKey({ kind: 'school' })]: page([]) });
    const user = userEvent.setup();
    renderPage(<OrganisationsPage />, { path: '/staff/organisations' });

    await user.click(await screen.findByRole('button', { name: 'Зарегистрировать школу' }));
    const form = within(await screen.findByRole('dialog', { name: 'Зарегистрировать школу' }));
    await user.type(form.getByLabelText('ИНН'), '7707083894');
    await user.type(form.getByLabelText('ОГРН'), '123');
    await user.click(form.getByRole('button', { name: 'Зарегистрировать школу' }));

    expect(await form.findByText('Контрольные цифры ИНН не сходятся — проверьте номер')).toBeInTheDocument();
    expect(form.getByText('ОГРН — 13 цифр у организации или 15 у ИП (ОГРНИП)')).toBeInTheDocument();
    expect(form.getByText('Выберите город')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/schools')).toHaveLength(0);
  });
});

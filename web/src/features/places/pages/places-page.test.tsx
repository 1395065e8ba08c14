import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@common/roles.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { testPlace } from '../test-place';
import { PlacesPage } from './places-page';

afterEach(() => vi.unstubAllGlobals());

const place = testPlace({
  rooms: [
    { name: 'Токарный цех', capacity: 12 },
    { name: 'Кабинет 3D-печати', capacity: 10 },
  ],
  accessibility: ['step_free', 'hearing_loop'],
});

const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: {
      account: { id: 's1', role, status: 'active', firstName: 'Сергей', lastName: 'Морозов', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: place.venueId },
    },
  },
});
const list = { 'GET /api/places?sort=name&order=asc&page=1&pageSize=20': { body: { items: [place], total: 1, page: 1, pageSize: 20 } } };
const reference = {
  'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
  'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
};

describe('places page', () => {
  it('lists the venue’s places with rooms and accessibility in words, and lets the venue edit one', async () => {
    const updated = { ...place, address: 'ул. Профсоюзная, 42' };
    const fetchMock = mockApi({ ...session('venue'), ...list, ...reference, [`PATCH /api/places/${place.id}`]: { body: { place: updated } } });
    const user = userEvent.setup();
    renderPage(<PlacesPage />, { path: '/staff/places' });

    const row = (await screen.findByText('Мастерские')).closest('tr')!;
    expect(within(row).getByText('2 помещения, 22 места')).toBeInTheDocument();
    expect(within(row).getByText('Вход без ступенек или с пандусом')).toBeInTheDocument();
    expect(within(row).getByText('Индукционная петля')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Изменить место «Мастерские»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Изменить место «Мастерские»' });
    const address = within(dialog).getByLabelText('Адрес');
    await user.clear(address);
    await user.type(address, 'ул. Профсоюзная, 42');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));

    expect((await screen.findByText('Изменения места «Мастерские» сохранены.')).closest('[role="status"]')).not.toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(fetchMock, `PATCH /api/places/${place.id}`)).toEqual([{ address: 'ул. Профсоюзная, 42' }]);
  });

  it('shows a mentor the places without anything to change', async () => {
    mockApi({ ...session('mentor'), ...list, ...reference });
    renderPage(<PlacesPage />, { path: '/staff/places' });

    expect(await screen.findByText('Мастерские')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Добавить место' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Изменить/ })).not.toBeInTheDocument();
  });

  it('shows a coordinator which venue each place belongs to', async () => {
    mockApi({ ...session('regional_coordinator'), ...list, ...reference });
    renderPage(<PlacesPage />, { path: '/staff/places' });

    const row = (await screen.findByText('Мастерские')).closest('tr')!;
    expect(within(row).getByText('Вятский колледж')).toBeInTheDocument();
  });
});

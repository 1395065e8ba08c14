import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { RegionDetails } from '../api/regions-api';
import { CityList } from './city-list';

afterEach(() => vi.unstubAllGlobals());

const region: RegionDetails = {
  id: 43,
  code: '43',
  name: 'Кировская область',
  seasonStartsOn: null,
  seasonEndsOn: null,
  cities: 1,
  coordinators: 0,
  schools: 0,
  venues: 0,
  pupils: 0,
  cityList: [{ id: 7, name: 'Киров', uses: 3 }],
  coordinatorList: [],
};

describe('city list', () => {
  it('adds a city and empties the field for the next one', async () => {
    const fetchMock = mockApi({ 'POST /api/regions/43/cities': { status: 201, body: { id: 8 } } });
    const user = userEvent.setup();
    renderPage(<CityList region={region} />, { path: '/' });

    await user.type(screen.getByLabelText('Новый город'), ' Слободской ');
    await user.click(screen.getByRole('button', { name: 'Добавить' }));

    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/regions/43/cities')).toEqual([{ name: 'Слободской' }]));
    await waitFor(() => expect(screen.getByLabelText('Новый город')).toHaveValue(''));
  });

  it('puts a refused rename under the input, even without a field of its own', async () => {
    mockApi({ 'PATCH /api/cities/7': { status: 404, body: { error: { code: 'not_found', message: 'Город не найден' } } } });
    const user = userEvent.setup();
    renderPage(<CityList region={region} />, { path: '/' });

    await user.click(screen.getByRole('button', { name: /^Переименовать\s*Киров$/ }));
    const input = screen.getByLabelText('Новое название для «Киров»');
    await user.clear(input);
    await user.type(input, 'Вятка');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Город не найден'));
    expect(within(screen.getByRole('table')).getByRole('button', { name: 'Сохранить' })).toBeInTheDocument();
  });
});

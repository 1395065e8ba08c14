import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Place } from '@common/schemas/places.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { testPlace } from '../test-place';
import { PlaceForm } from './place-form';

afterEach(() => vi.unstubAllGlobals());

const cities = { 'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }, { id: 8, name: 'Слободской' }] } } };

const saved = testPlace();

function renderForm(place: Place | null = null) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  renderPage(<PlaceForm place={place} regionId={43} onSaved={onSaved} onCancel={onCancel} />, { path: '/staff/places' });
  return { onSaved, onCancel };
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('place form', () => {
  it('checks the fields in the browser and sends nothing while any is wrong', async () => {
    const fetchMock = mockApi(cities);
    const user = userEvent.setup();
    renderForm();

    await user.type(screen.getByLabelText('Название'), 'З');
    await user.type(screen.getByLabelText('Адрес'), 'ул.');
    await user.click(screen.getByRole('button', { name: 'Добавить помещение' }));
    const room = screen.getByRole('group', { name: 'Помещение 1' });
    await waitFor(() => expect(within(room).getByLabelText('Название помещения')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Добавить место' }));

    expect(await screen.findByText('«Название» — не короче 2 символов')).toBeInTheDocument();
    expect(screen.getByText('«Адрес» — не короче 5 символов')).toBeInTheDocument();
    expect(screen.getByText('Выберите город')).toBeInTheDocument();
    expect(within(room).getByText('Заполните поле «Название помещения»')).toBeInTheDocument();
    expect(within(room).getByText('Вместимость — целое число от 1 до 1000')).toBeInTheDocument();
    expect(screen.getByLabelText('Название')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Название')).toHaveFocus());
    expect(callsTo(fetchMock, 'POST /api/places')).toHaveLength(0);
  });

  it('says when two rooms share a name, and forgets a removed room', async () => {
    mockApi(cities);
    const user = userEvent.setup();
    renderForm();

    for (const name of ['Цех', 'цех']) {
      await user.click(screen.getByRole('button', { name: 'Добавить помещение' }));
      const rows = screen.getAllByRole('group', { name: /^Помещение \d$/ });
      const row = rows[rows.length - 1]!;
      await user.type(within(row).getByLabelText('Название помещения'), name);
      await user.type(within(row).getByLabelText('Мест'), '10');
    }
    await user.click(screen.getByRole('button', { name: 'Добавить место' }));
    const second = screen.getByRole('group', { name: 'Помещение 2' });
    expect(await within(second).findByText('Такое помещение уже есть в списке')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Удалить помещение 2 «цех»' }));
    expect(screen.queryByRole('group', { name: 'Помещение 2' })).not.toBeInTheDocument();
    expect(screen.queryByText('Такое помещение уже есть в списке')).not.toBeInTheDocument();
  });

  it('sends a new place with its rooms and accessibility, trimmed', async () => {
    const fetchMock = mockApi({ ...cities, 'POST /api/places': { status: 201, body: { place: saved } } });
    const user = userEvent.setup();
    const { onSaved } = renderForm();

    await user.type(screen.getByLabelText('Название'), '  Мастерские ');
    await choose(user, 'Город', 'Киров');
    await user.type(screen.getByLabelText('Адрес'), 'ул. Профсоюзная, 40');
    await user.click(screen.getByRole('button', { name: 'Добавить помещение' }));
    const room = screen.getByRole('group', { name: 'Помещение 1' });
    await user.type(within(room).getByLabelText('Название помещения'), 'Токарный цех');
    await user.type(within(room).getByLabelText('Мест'), '12');
    await user.click(screen.getByLabelText('Вход без ступенек или с пандусом'));
    await user.click(screen.getByLabelText('Тихая комната'));
    await user.click(screen.getByRole('button', { name: 'Добавить место' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(callsTo(fetchMock, 'POST /api/places')).toEqual([
      {
        name: 'Мастерские',
        cityId: 7,
        address: 'ул. Профсоюзная, 40',
        rooms: [{ name: 'Токарный цех', capacity: 12 }],
        accessibility: ['step_free', 'quiet_room'],
        accessibilityNotes: null,
      },
    ]);
  });

  it("puts the server's messages next to their fields", async () => {
    mockApi({
      ...cities,
      'POST /api/places': {
        status: 409,
        body: { error: { code: 'place_name_taken', message: 'У площадки уже есть место с таким названием', fields: { name: 'Такое название уже есть у другого места вашей площадки — уточните его' } } },
      },
    });
    const user = userEvent.setup();
    const { onSaved } = renderForm();

    await user.type(screen.getByLabelText('Название'), 'Мастерские');
    await choose(user, 'Город', 'Киров');
    await user.type(screen.getByLabelText('Адрес'), 'ул. Профсоюзная, 40');
    await user.click(screen.getByRole('button', { name: 'Добавить место' }));

    expect(await screen.findByText('Такое название уже есть у другого места вашей площадки — уточните его')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('У площадки уже есть место с таким названием');
    expect(screen.getByLabelText('Название')).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends only the changed fields of an edited place, and nothing when nothing changed', async () => {
    const updated = { ...saved, accessibility: ['step_free', 'elevator'] as Place['accessibility'] };
    const fetchMock = mockApi({ ...cities, [`PATCH /api/places/${saved.id}`]: { body: { place: updated } } });
    const user = userEvent.setup();
    const { onSaved, onCancel } = renderForm(saved);

    expect(screen.getByLabelText('Название')).toHaveValue('Мастерские');
    expect(screen.getByLabelText('Вход без ступенек или с пандусом')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onCancel).toHaveBeenCalled();
    expect(callsTo(fetchMock, `PATCH /api/places/${saved.id}`)).toHaveLength(0);

    await user.click(screen.getByLabelText('Лифт или подъёмник'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(updated));
    expect(callsTo(fetchMock, `PATCH /api/places/${saved.id}`)).toEqual([{ accessibility: ['step_free', 'elevator'] }]);
  });
});

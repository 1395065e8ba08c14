import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateEventInput } from '@common/schemas/events.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { EventFormOptions } from '../api/events-staff-api';
import { EventForm } from './event-form';

afterEach(() => vi.unstubAllGlobals());

const PLACE = '0b9f5c1e-2f4a-4c1e-9a0e-6f1d2c3b4a51';
const MENTOR = '1c8e4d2f-3a5b-4d6e-8f7a-9b0c1d2e3f40';

const options: EventFormOptions = {
  competencies: [{ id: 7, code: 'turning', name: 'Токарные работы', sphereName: 'Промышленность' }],
  places: [{ id: PLACE, name: 'Мастерские', address: 'ул. Профсоюзная, 40' }],
  mentors: [{ id: MENTOR, name: 'Сидоров Пётр' }],
  schools: [{ id: '2d7f5e3a-4b6c-4e7f-9a8b-0c1d2e3f4a52', name: 'Школа № 5' }],
};

/** Pasting rather than typing key by key keeps a whole form's test within its time. */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

function renderForm() {
  const onSaved = vi.fn();
  renderPage(<EventForm event={null} options={options} onSaved={onSaved} onCancel={vi.fn()} />, { path: '/staff/events/new' });
  return { onSaved };
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, option: string) {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

const firstDay = dayjs().add(10, 'day').startOf('day');

describe('event form', () => {
  it('builds a weekly series, lists its dates before saving and sends one start per week', async () => {
    const fetchMock = mockApi({ 'POST /api/staff/events': { status: 201, body: { ids: ['e1', 'e2', 'e3'] } } });
    const user = userEvent.setup();
    const { onSaved } = renderForm();

    await fill(user, 'Название', 'Токарное дело: первая деталь');
    await choose(user, /Компетенция/, 'Токарные работы');
    await choose(user, /Уровень сложности/, 'Начальный уровень');
    await fill(user, /Описание/, 'Выточите на станке свою первую деталь под присмотром наставника.');
    await choose(user, /Место проведения/, 'Мастерские, ул. Профсоюзная, 40');
    await user.type(screen.getByLabelText(/^Дата/), firstDay.format('DD.MM.YYYY'));
    await user.click(screen.getByLabelText('Каждую неделю в тот же день'));
    const weeks = screen.getByLabelText(/Сколько недель подряд/);
    await user.clear(weeks);
    await user.type(weeks, '3');

    const list = await screen.findByRole('list', { name: 'Даты мероприятий' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('Будет создано: 3 мероприятия')).toBeInTheDocument();
    expect(within(list).getByText(new RegExp(firstDay.add(2, 'week').locale('ru').format('D MMMM YYYY')))).toBeInTheDocument();

    // The multi-select's list is labelled by the field too, so the input is found by its role.
    await user.click(screen.getByRole('combobox', { name: /Наставники/ }));
    await user.click(await screen.findByRole('option', { name: 'Сидоров Пётр' }));
    await user.click(screen.getByRole('button', { name: 'Создать' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(['e1', 'e2', 'e3']));
    const [body] = callsTo(fetchMock, 'POST /api/staff/events') as CreateEventInput[];
    expect(body!.startsAt).toHaveLength(3);
    expect(body!.startsAt.map((s) => dayjs(s).diff(firstDay, 'day'))).toEqual([0, 7, 14]);
    expect(body).toMatchObject({ competencyId: 7, format: 'in_person', placeId: PLACE, schoolId: null, videoUrl: null, mentorIds: [MENTOR] });
  }, 30_000);

  it('fixes a lesson at 45 minutes and caps its seats at 15, saying why', async () => {
    mockApi({});
    const user = userEvent.setup();
    renderForm();

    const capacity = screen.getByLabelText(/Количество мест/);
    await user.clear(capacity);
    await user.type(capacity, '30');
    await user.click(screen.getByLabelText('Урок профессионального мастерства в школе'));

    const duration = screen.getByLabelText(/Продолжительность/);
    expect(duration).toHaveValue('45');
    expect(duration).toHaveAttribute('readonly');
    expect(screen.getByText('Урок профессионального мастерства всегда длится 45 минут')).toBeInTheDocument();
    expect(capacity).toHaveValue('15');
    expect(screen.getByText('Уменьшено до 15: на урок записывается группа не больше 15 учеников')).toBeInTheDocument();
    expect(screen.getByLabelText(/Школа, где пройдёт урок/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Место проведения/)).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Онлайн'));
    expect(screen.getByLabelText(/Ссылка на видеосвязь/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Продолжительность/)).not.toHaveAttribute('readonly');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { eventCard } from '@web/test/event-fixtures';
import { CataloguePage } from './catalogue-page';

afterEach(() => vi.unstubAllGlobals());

const page = (items: ReturnType<typeof eventCard>[], total = items.length, pageNo = 1) => ({
  body: { items, total, page: pageNo, pageSize: 10, defaults: { regionId: 43, cityId: 1 } },
});

describe('the events catalogue', () => {
  it('starts from the pupil’s region and city and narrows by free seats, then pages', async () => {
    const trial = eventCard({ id: 'ev1', format: 'in_person', school: null, title: 'Проба: кондитер', seatsLeft: 3, capacity: 10 });
    mockApi({
      'GET /api/events/catalogue?pageSize=10': page([trial], 25),
      'GET /api/events/catalogue?pageSize=10&withSeats=true': page([trial], 25),
      'GET /api/events/catalogue?pageSize=10&withSeats=true&page=2': page([eventCard({ id: 'ev2', title: 'Проба: сварщик' })], 25, 2),
      'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
      'GET /api/regions/43/cities': { body: { cities: [{ id: 1, name: 'Киров' }] } },
      'GET /api/reference/competencies': { body: { spheres: [] } },
    });
    const user = userEvent.setup();
    renderPage(<CataloguePage />, { path: '/participant/events/catalogue' });

    expect(await screen.findByRole('link', { name: 'Проба: кондитер' })).toHaveAttribute('href', '/participant/events/ev1');
    expect(screen.getByText('Свободно 3 места из 10')).toBeInTheDocument();
    expect(screen.getByText('Найдено 25 мероприятий')).toBeInTheDocument();
    expect(await screen.findByDisplayValue('Кировская область')).toBeInTheDocument();
    expect(await screen.findByDisplayValue('Киров')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Есть свободные места' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/participant/events/catalogue?withSeats=true');

    await user.click(screen.getByRole('button', { name: 'Страница 2' }));
    expect(await screen.findByRole('link', { name: 'Проба: сварщик' })).toBeInTheDocument();
  });

  it('orders by fit on «Подходит тебе» and shows why each event suits the pupil', async () => {
    const fits = eventCard({ id: 'ev3', title: 'Проба: программист' });
    const plain = eventCard({ id: 'ev4', title: 'Проба: повар' });
    mockApi({
      'GET /api/events/catalogue?pageSize=10': page([plain, fits]),
      'GET /api/events/catalogue?pageSize=10&order=fit': {
        body: { ...page([fits, plain]).body, fit: [{ eventId: 'ev3', score: 0.8, reason: 'Интерес к ИТ по трём тестам.' }, { eventId: 'ev4', score: 0, reason: '' }] },
      },
      'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
      'GET /api/regions/43/cities': { body: { cities: [{ id: 1, name: 'Киров' }] } },
      'GET /api/reference/competencies': { body: { spheres: [] } },
    });
    const user = userEvent.setup();
    renderPage(<CataloguePage />, { path: '/participant/events/catalogue' });

    expect(await screen.findByRole('link', { name: 'Проба: повар' })).toBeInTheDocument();
    expect(screen.queryByText(/Почему подходит/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Подходит тебе' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/participant/events/catalogue?order=fit');
    expect(await screen.findByText('Интерес к ИТ по трём тестам.')).toBeInTheDocument();
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Проба: программист', 'Проба: повар']);
    expect(screen.getAllByText(/Почему подходит/)).toHaveLength(1);
  });
});

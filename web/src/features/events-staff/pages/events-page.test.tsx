import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@common/roles.js';
import type { StaffEventSummary } from '@common/schemas/events.js';
import { mockApi, renderPage } from '@web/test/render';
import { EventsPage } from './events-page';

afterEach(() => vi.unstubAllGlobals());

const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: { account: { id: 's1', role, status: 'active', firstName: 'Ольга', lastName: 'Петрова', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null } },
  },
});

const row = {
  id: 'ev1',
  title: 'Токарное дело: первая деталь',
  format: 'in_person',
  competency: { id: 7, code: 'turning', name: 'Токарные работы', sphereName: 'Промышленность' },
  startsAt: '2027-03-12T10:00:00+03:00',
  capacity: 12,
  seatsLeft: 4,
  status: 'submitted',
} as StaffEventSummary;

const page = (items: StaffEventSummary[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });

describe('staff events list', () => {
  it('opens the coordinator on the events waiting for approval, with seats taken of capacity', async () => {
    mockApi({ ...session('regional_coordinator'), 'GET /api/staff/events?sort=startsAt&order=asc&page=1&pageSize=20&status=submitted': page([row]) });
    renderPage(<EventsPage />, { path: '/staff/events' });

    const line = (await screen.findByRole('link', { name: row.title })).closest('tr')!;
    expect(within(line).getByText('8 из 12')).toBeInTheDocument();
    expect(within(line).getByText('На согласовании')).toBeInTheDocument();
    expect(screen.getByLabelText('Статус')).toHaveValue('На согласовании');
    expect(screen.queryByRole('link', { name: 'Создать мероприятие' })).not.toBeInTheDocument();
  });

  it('shows the venue every status and the way to create an event', async () => {
    mockApi({ ...session('venue'), 'GET /api/staff/events?sort=startsAt&order=asc&page=1&pageSize=20': page([]) });
    renderPage(<EventsPage />, { path: '/staff/events' });

    expect(await screen.findByText('Мероприятий пока нет. Создайте первое.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Создать мероприятие' })).toHaveAttribute('href', '/staff/events/new');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventCard, Roster, RosterEntry } from '@common/schemas/events.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { RosterForm } from './roster-section';

afterEach(() => vi.unstubAllGlobals());

const event = {
  id: 'ev1',
  title: 'Токарное дело: первая деталь',
  // Local wall-clock time, so the expected text does not depend on the machine's time zone.
  startsAt: dayjs('2027-03-12T10:00').format(),
} as EventCard;

const ID1 = '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c31';
const ID2 = '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c32';
const ID3 = '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c33';
const ID4 = '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c34';

const entry = (enrolmentId: string, name: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  enrolmentId,
  participantId: `p-${enrolmentId}`,
  name,
  grade: 7,
  schoolName: 'Школа № 5',
  status: 'confirmed',
  ovzNote: null,
  attendance: null,
  mentorGrade: null,
  feedback: null,
  observedSkills: [],
  ...extra,
});

const roster = (markingOpen: boolean): Roster => ({
  event,
  entries: [
    entry(ID1, 'Абрамова Анна'),
    entry(ID2, 'Белов Борис', { ovzNote: 'Слабовидящий: нужен крупный шрифт' }),
    entry(ID3, 'Волков Вадим'),
    entry(ID4, 'Громова Галина', { status: 'held' }),
  ],
  skills: [{ code: 'teamwork', name: 'Работа в команде' }],
  markingOpen,
});

describe('roster', () => {
  it('marks everyone present at once, takes one correction and saves all marks in one request', async () => {
    const fetchMock = mockApi({ 'PUT /api/staff/events/ev1/attendance': { body: roster(true) } });
    const user = userEvent.setup();
    renderPage(<RosterForm eventId="ev1" roster={roster(true)} canMark />, { path: '/staff/events/ev1' });

    expect(screen.getByRole('columnheader', { name: 'Особенности (ОВЗ)' })).toBeInTheDocument();
    expect(screen.getByText('Слабовидящий: нужен крупный шрифт')).toBeInTheDocument();
    const held = screen.getByText('Громова Галина').closest('tr')!;
    expect(within(held).getByText('Ждёт согласия родителя')).toBeInTheDocument();
    expect(within(held).queryByRole('radiogroup')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Отметить всех присутствующими' }));
    const late = screen.getByRole('radiogroup', { name: 'Посещение: Волков Вадим' });
    await user.click(within(late).getByLabelText('Опоздал'));
    expect(within(screen.getByRole('radiogroup', { name: 'Посещение: Абрамова Анна' })).getByLabelText('Был')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Сохранить посещение' }));

    await waitFor(() => expect(callsTo(fetchMock, 'PUT /api/staff/events/ev1/attendance')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT /api/staff/events/ev1/attendance')[0]).toEqual({
      marks: [
        { enrolmentId: ID1, attendance: 'present' },
        { enrolmentId: ID2, attendance: 'present' },
        { enrolmentId: ID3, attendance: 'late' },
      ],
    });
  });

  it('says when marking opens and offers no marks before that', () => {
    mockApi({});
    renderPage(<RosterForm eventId="ev1" roster={roster(false)} canMark />, { path: '/staff/events/ev1' });

    expect(screen.getByText(/Посещение и отзывы можно отмечать с 12 марта 2027, 10:00 — с начала мероприятия/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Сохранить посещение' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });
});

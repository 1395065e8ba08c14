import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { EVENT_ID, eligibility, eventCard, pupilSession } from '@web/test/event-fixtures';
import { EventPage } from './event-page';

afterEach(() => vi.unstubAllGlobals());

const CARD = `GET /api/events/${EVENT_ID}`;
const ENROL = `POST /api/events/${EVENT_ID}/enrolments`;
const trial = eventCard({ format: 'in_person', school: null, place: { id: 'pl1', name: 'Мастерская', address: 'ул. Ленина, 1', cityName: 'Киров' } });

describe('an event page for a pupil', () => {
  it('requests a seat that waits for the parent for 48 hours', async () => {
    const fetchMock = mockApi({
      ...pupilSession,
      [CARD]: { body: { event: trial, children: [eligibility('u1', 'Иванов Артём')] } },
      [ENROL]: { status: 201, body: { enrolment: { id: 'en1', status: 'held', holdExpiresAt: '2026-11-30T12:00:00Z' } } },
    });
    const user = userEvent.setup();
    renderPage(<EventPage />, { path: '/participant/events/:eventId', url: `/participant/events/${EVENT_ID}` });

    await user.click(await screen.findByRole('button', { name: 'Записаться' }));

    expect(await screen.findByRole('status', { name: /Ждём согласия родителя/ })).toHaveTextContent(/48 часов/);
    // A pupil enrols itself: no child is named.
    expect(callsTo(fetchMock, ENROL)[0]).not.toHaveProperty('childId');
  });

  it('offers the waiting list straight away when the card shows no seat left', async () => {
    const fetchMock = mockApi({
      ...pupilSession,
      [CARD]: { body: { event: { ...trial, seatsLeft: 0 }, children: [eligibility('u1', 'Иванов Артём', ['seat'])] } },
      [ENROL]: { status: 201, body: { enrolment: { id: 'en1', status: 'waitlisted', holdExpiresAt: null } } },
    });
    const user = userEvent.setup();
    renderPage(<EventPage />, { path: '/participant/events/:eventId', url: `/participant/events/${EVENT_ID}` });

    expect(await screen.findByRole('status', { name: 'Свободных мест нет' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Записаться' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Встать в лист ожидания' }));

    expect(await screen.findByRole('status', { name: /Ты в листе ожидания/ })).toBeInTheDocument();
    expect(callsTo(fetchMock, ENROL)[0]).toMatchObject({ waitlist: true });
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENTOR_GRADE_LABELS } from '@common/events.js';
import { mockApi, renderPage } from '@web/test/render';
import { enrolment, eventCard } from '@web/test/event-fixtures';
import { EnrolmentTabs } from './enrolment-tabs';

afterEach(() => vi.unstubAllGlobals());

describe('planned and past events', () => {
  it('shows the mentor’s grade with its meaning, the feedback, attendance and observed skills of a past event', async () => {
    mockApi({
      'GET /api/pupils/u1/events': {
        body: {
          planned: [enrolment({ id: 'e1', status: 'held', holdExpiresAt: new Date(Date.now() + 3600_000).toISOString() })],
          past: [
            enrolment({
              id: 'e0',
              event: eventCard({ title: 'Проба: кондитер' }),
              attendance: 'present',
              mentorGrade: 4,
              feedback: 'Аккуратно работал с кремом.',
              observedSkills: [{ code: 'teamwork', name: 'Работа в команде' }],
            }),
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderPage(<EnrolmentTabs pupilId="u1" viewer="pupil" emptyPlanned="Пусто" />, { path: '/participant/events' });

    expect(await screen.findByText(/Ждём согласия родителя: он увидит запрос/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отозвать запрос' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Прошедшие' }));
    const past = await screen.findByRole('article', { name: 'Проба: кондитер' });
    expect(within(past).getByText('Был')).toBeInTheDocument();
    expect(within(past).getByText('Оценка наставника: 4 из 5')).toBeInTheDocument();
    expect(within(past).getByText(MENTOR_GRADE_LABELS[4], { exact: false })).toBeInTheDocument();
    expect(within(past).getByText('Аккуратно работал с кремом.')).toBeInTheDocument();
    expect(within(past).getByText('Работа в команде')).toBeInTheDocument();
    expect(within(past).queryByRole('button')).not.toBeInTheDocument();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanQueueItem, PlanQueuePage } from '@common/schemas/study-plans.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { PlansPage } from './plans-page';

afterEach(() => vi.unstubAllGlobals());

const pupil = (id: string, name: string, stage: PlanQueueItem['stage'], consentInForce = true): PlanQueueItem => ({
  participantId: id,
  name,
  grade: 8,
  schoolName: 'Школа № 5',
  stage,
  consentInForce,
  draftPending: stage === 'plan_drafted',
  publishedVersion: null,
  updatedAt: null,
});

const counts = { no_test: 1, tested: 0, trial_attended: 0, plan_drafted: 1, plan_published: 0 };
const page = (items: PlanQueueItem[]): { body: PlanQueuePage } => ({ body: { items, total: items.length, page: 1, pageSize: 20, counts } });
const ALL = 'GET /api/staff/study-plans?sort=name&order=asc&page=1&pageSize=20';

describe('the navigator’s plan queue', () => {
  it('shows pupils by stage with counts and filters by a stage chip', async () => {
    mockApi({
      [ALL]: page([pupil('p1', 'Иванов Пётр', 'plan_drafted'), pupil('p2', 'Смирнова Анна', 'no_test', false)]),
      [`${ALL}&stage=plan_drafted`]: page([pupil('p1', 'Иванов Пётр', 'plan_drafted')]),
    });
    renderPage(<PlansPage />, { path: '/staff/plans' });

    const row = (await screen.findByRole('link', { name: 'Иванов Пётр' })).closest('tr')!;
    expect(screen.getByRole('link', { name: 'Иванов Пётр' })).toHaveAttribute('href', '/staff/pupils/p1/plan');
    expect(within(row).getByText('План подготовлен')).toBeInTheDocument();
    // Without a parent's consent the plan is closed: the name is not a link.
    expect(screen.queryByRole('link', { name: 'Смирнова Анна' })).not.toBeInTheDocument();
    expect(screen.getByText('Нет — план закрыт')).toBeInTheDocument();
    expect(screen.getByText('Все · 2')).toBeInTheDocument();

    fireEvent.click(screen.getByText('План подготовлен · 1'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff/plans?stage=plan_drafted'));
    await waitFor(() => expect(screen.queryByText('Смирнова Анна')).not.toBeInTheDocument());
  });

  it('publishes the drafts of the selected pupils and tells what happened to each', async () => {
    const fetchMock = mockApi({
      [ALL]: page([pupil('p1', 'Иванов Пётр', 'plan_drafted'), pupil('p2', 'Смирнова Анна', 'no_test')]),
      'POST /api/staff/study-plans/bulk': (body) => ({
        body: {
          results: (body as { participantIds: string[] }).participantIds.map((id) => ({ participantId: id, outcome: id === 'p1' ? 'published' : 'no_draft' })),
        },
      }),
    });
    renderPage(<PlansPage />, { path: '/staff/plans' });

    await screen.findByRole('link', { name: 'Иванов Пётр' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Выбрать все на странице' }));
    expect(screen.getByText('Выбрано: 2 ученика')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать черновики' }));

    expect(await screen.findByText('1 — план опубликован')).toBeInTheDocument();
    expect(screen.getByText('1 — нет черновика для публикации')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/staff/study-plans/bulk')).toEqual([{ action: 'publish', participantIds: ['p1', 'p2'] }]);
  });
});

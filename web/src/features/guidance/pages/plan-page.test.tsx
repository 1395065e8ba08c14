import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { planView, publishedPlan } from '@web/test/guidance-fixtures';
import { ParentPlanPage, PupilPlanPage } from './plan-page';

afterEach(() => vi.unstubAllGlobals());

describe('«Мой план»', () => {
  it('shows the published plan and ticks a goal done through the API', async () => {
    let done = ['step-1'];
    const fetchMock = mockApi({
      'GET /api/study-plan/me': () => ({ body: planView({ stepsDone: done.map((stepId) => ({ stepId, doneAt: '2026-12-02T10:00:00Z' })) }) }),
      'PUT /api/study-plan/me/steps/step-2': (body) => {
        if ((body as { done: boolean }).done) done = [...done, 'step-2'];
        return { body: {} };
      },
    });
    const user = userEvent.setup();
    renderPage(<PupilPlanPage />, { path: '/participant/plan' });

    expect(await screen.findByText('Ты отлично показал себя на пробе!')).toBeInTheDocument();
    expect(screen.getByText('Технологический')).toBeInTheDocument();
    expect(screen.getByText('Наставник отметил на пробе «Веб-разработчик».')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Кружок робототехники' })).toHaveAttribute('href', expect.stringMatching(/^\/opportunities\//));
    expect(screen.getByRole('link', { name: 'Скачать PDF' })).toHaveAttribute('href', '/api/study-plan/me/pdf?version=2');
    expect(screen.getByText('Выполнено 1 из 2')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Записаться в кружок робототехники' })).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Пройти пробу по инженерии' }));
    expect(await screen.findByText('Выполнено 2 из 2')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PUT /api/study-plan/me/steps/step-2')).toEqual([{ done: true }]);
    expect(screen.getByRole('checkbox', { name: 'Пройти пробу по инженерии' })).toBeChecked();
  });

  it('takes a tick back when the server refuses it', async () => {
    mockApi({
      'GET /api/study-plan/me': { body: planView() },
      'PUT /api/study-plan/me/steps/step-2': { status: 409, body: { error: { code: 'conflict', message: 'План обновился — открой его заново' } } },
    });
    const user = userEvent.setup();
    renderPage(<PupilPlanPage />, { path: '/participant/plan' });

    await user.click(await screen.findByRole('checkbox', { name: 'Пройти пробу по инженерии' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('План обновился — открой его заново');
    expect(screen.getByRole('checkbox', { name: 'Пройти пробу по инженерии' })).not.toBeChecked();
    expect(screen.getByText('Выполнено 1 из 2')).toBeInTheDocument();
  });

  it('opens an older version read-only with its own PDF', async () => {
    mockApi({
      'GET /api/study-plan/me': { body: planView() },
      'GET /api/study-plan/me/versions/1': { body: publishedPlan({ version: 1, content: { ...publishedPlan().content, navigatorNote: 'Первая версия плана.' } }) },
    });
    const user = userEvent.setup();
    renderPage(<PupilPlanPage />, { path: '/participant/plan' });

    await user.click(await screen.findByRole('combobox', { name: 'Версия плана' }));
    await user.click(await screen.findByRole('option', { name: /^Версия 1/ }));
    expect(await screen.findByText('Первая версия плана.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Скачать PDF' })).toHaveAttribute('href', '/api/study-plan/me/pdf?version=1');
    expect(screen.getByRole('checkbox', { name: 'Пройти пробу по инженерии' })).toBeDisabled();
  });

  it('before the plan, says when it appears and what to do now', async () => {
    mockApi({ 'GET /api/study-plan/me': { body: planView({ stage: 'tested', published: null, stepsDone: [], versions: [] }) } });
    renderPage(<PupilPlanPage />, { path: '/participant/plan' });

    expect(await screen.findByText('Плана пока нет')).toBeInTheDocument();
    expect(screen.getByText(/План появится после твоей первой профессиональной пробы/)).toHaveTextContent('Запишись на профессиональную пробу');
    expect(screen.getByRole('link', { name: 'Открыть рекомендации' })).toHaveAttribute('href', '/participant/recommendations');
    expect(screen.queryByRole('link', { name: 'Скачать PDF' })).not.toBeInTheDocument();
  });
});

describe('a parent’s view of the child’s plan', () => {
  it('reads the plan and downloads its PDF but cannot tick goals', async () => {
    mockApi({
      'GET /api/pupils/c1/study-plan': { body: planView() },
      'GET /api/parent/cabinet': { body: { children: [{ id: 'c1', lastName: 'Иванов', firstName: 'Артём', middleName: null }] } },
    });
    renderPage(<ParentPlanPage />, { path: '/parent/children/:childId/plan', url: '/parent/children/c1/plan' });

    expect(await screen.findByRole('heading', { level: 1, name: 'План: Иванов Артём' })).toBeInTheDocument();
    expect(await screen.findByText('Выполнено 1 из 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Скачать PDF' })).toHaveAttribute('href', '/api/pupils/c1/study-plan/pdf?version=2');
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
  });
});

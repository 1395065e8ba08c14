import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import type { Footprint, ResultDetail, ResultSummary } from '../api/diagnostics-api';
import { ParentDiagnosticsPage } from './parent-diagnostics-page';
import { StaffDiagnosticsPage, StaffResultPage } from './staff-diagnostics-page';

beforeEach(() => {
  // jsdom lays nothing out, so the charts complain of zero size.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.unstubAllGlobals());

const notFound = { status: 404, body: { error: { code: 'not_found', message: 'Ученик не найден' } } };

function summary(attemptId: string, completedAt: string, score: number): ResultSummary {
  return {
    attemptId,
    slug: 'leadership',
    kind: 'test',
    title: 'Лидерство',
    version: 1,
    completedAt,
    scales: [{ id: 'lead', title: 'Умение вести за собой', score, level: 'Средний' }],
  };
}

function detail(attemptId: string, completedAt: string, score: number): ResultDetail {
  return {
    attemptId,
    slug: 'leadership',
    kind: 'test',
    title: 'Лидерство',
    completedAt,
    scales: [{ id: 'lead', title: 'Умение вести за собой', raw: 10, score, norm: null, level: { title: 'Средний', text: 'Текст' }, description: null }],
    gameSummary: null,
    nextTests: [],
    attemptsOfThisTest: [],
  };
}

const footprint: Footprint = {
  directions: [
    { key: 'personal', label: 'Личные особенности и окружение', value: null, dimensions: [] },
    { key: 'skills', label: 'Знания и навыки', value: 60, dimensions: [{ key: 'soft_skill:leadership', kind: 'soft_skill', name: 'Лидерство', value: 60, sources: 2 }] },
    { key: 'interests', label: 'Интересы', value: null, dimensions: [] },
    { key: 'awareness', label: 'Уровень осведомлённости', value: null, dimensions: [] },
  ],
  awarenessLevel: null,
  sources: 1,
  history: [],
};

describe('parent diagnostics page', () => {
  it('lists the child’s results, shows the footprint and compares two attempts', async () => {
    mockApi({
      'GET /api/parent/cabinet': { body: { children: [{ id: 'c1', lastName: 'Иванов', firstName: 'Артём', middleName: null }] } },
      'GET /api/pupils/c1/diagnostics/results': {
        body: { results: [summary('r2', '2025-03-10T09:00:00.000Z', 70), summary('r1', '2025-01-05T09:00:00.000Z', 40)] },
      },
      'GET /api/pupils/c1/footprint': { body: footprint },
      'GET /api/pupils/c1/diagnostics/results/r1': { body: detail('r1', '2025-01-05T09:00:00.000Z', 40) },
      'GET /api/pupils/c1/diagnostics/results/r2': { body: detail('r2', '2025-03-10T09:00:00.000Z', 70) },
    });
    const user = userEvent.setup();
    renderPage(<ParentDiagnosticsPage />, { path: '/parent/children/:childId/diagnostics', url: '/parent/children/c1/diagnostics' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Результаты диагностики: Иванов Артём' })).toBeInTheDocument();
    const group = screen.getByRole('listitem', { name: 'Лидерство' });
    expect(within(group).getByText('2 попытки')).toBeInTheDocument();
    expect(within(group).getByRole('link', { name: /Результат от 5 января 2025/ })).toHaveAttribute('href', '/parent/children/c1/diagnostics/results/r1');

    await user.click(screen.getByRole('tab', { name: 'Цифровой след' }));
    const skills = await screen.findByRole('region', { name: 'Знания и навыки' });
    expect(within(skills).getByText('источников: 2')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Сравнить попытки' }));
    const table = await screen.findByRole('table', { name: /в двух попытках/ });
    expect(within(table).getByRole('row', { name: /Умение вести за собой/ })).toHaveTextContent('+30');
  });
});

describe('navigator diagnostics pages', () => {
  it('says «Ученик не найден» for a pupil the server does not show', async () => {
    mockApi({ 'GET /api/pupils/p9/diagnostics/results': notFound });
    renderPage(<StaffDiagnosticsPage />, { path: '/staff/pupils/:pupilId/diagnostics', url: '/staff/pupils/p9/diagnostics' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ученик не найден' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Мои участники' })).toHaveAttribute('href', '/staff/participants');
  });

  it('shows one result with links between attempts inside the staff cabinet', async () => {
    mockApi({
      'GET /api/pupils/p1/diagnostics/results/r2': {
        body: {
          ...detail('r2', '2025-03-10T09:00:00.000Z', 70),
          attemptsOfThisTest: [
            { attemptId: 'r1', completedAt: '2025-01-05T09:00:00.000Z' },
            { attemptId: 'r2', completedAt: '2025-03-10T09:00:00.000Z' },
          ],
        },
      },
    });
    renderPage(<StaffResultPage />, { path: '/staff/pupils/:pupilId/diagnostics/results/:attemptId', url: '/staff/pupils/p1/diagnostics/results/r2' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Лидерство' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Результат от 5 января 2025/ })).toHaveAttribute('href', '/staff/pupils/p1/diagnostics/results/r1');
  });
});

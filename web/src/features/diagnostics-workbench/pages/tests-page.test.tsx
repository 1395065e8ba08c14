import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { WorkbenchTestsPage } from './tests-page';

afterEach(() => vi.unstubAllGlobals());

const test = (over: Record<string, unknown>) => ({
  id: 1,
  slug: 'interests-6-7',
  kind: 'test',
  status: 'published',
  publishedVersion: 1,
  latestVersion: 1,
  latestStatus: 'published',
  title: 'Мои интересы',
  gradeBands: ['6-7'],
  itemCount: 24,
  ovzVariantOf: null,
  updatedAt: '2025-02-01T10:00:00Z',
  completedAttempts: 41,
  ...over,
});

const tests = [
  test({}),
  test({ id: 2, slug: 'leadership-8-11', title: 'Лидерство', status: 'draft', publishedVersion: null, latestStatus: 'draft', gradeBands: ['8-9', '10-11'], completedAttempts: 0 }),
  test({ id: 3, slug: 'game-schulte', kind: 'game', title: 'Таблицы Шульте', status: 'retired', itemCount: 0, publishedVersion: 2, latestVersion: 3, latestStatus: 'draft' }),
];

describe('tests and games list', () => {
  it('lists every test with its bands, versions and attempts, and searches by title', async () => {
    mockApi({ 'GET /api/diagnostics/definitions': { body: { tests } } });
    const user = userEvent.setup();
    renderPage(<WorkbenchTestsPage />, { path: '/staff/diagnostics' });

    const row = (await screen.findByRole('link', { name: 'Лидерство' })).closest('tr')!;
    expect(within(row).getByText('8–9, 10–11 классы')).toBeInTheDocument();
    expect(within(row).getByText('— / 1')).toBeInTheDocument();
    expect(within(row).getByText('Черновик')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Лидерство' })).toHaveAttribute('href', '/staff/diagnostics/2');
    const game = screen.getByRole('link', { name: 'Таблицы Шульте' }).closest('tr')!;
    expect(within(game).getByText('2 / 3')).toBeInTheDocument();
    expect(within(game).getByText('Снят')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Новый тест' })).toHaveAttribute('href', '/staff/diagnostics/new');
    expect(screen.getByRole('link', { name: 'Скачать JSON Schema' })).toHaveAttribute('href', '/api/diagnostics/definition-schema.json');

    await user.type(screen.getByLabelText('Поиск по названию'), 'лидер');
    expect(await screen.findByText('Найдено: 1 запись')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Мои интересы' })).not.toBeInTheDocument();
  });

  it('filters by status from the address', async () => {
    mockApi({ 'GET /api/diagnostics/definitions': { body: { tests } } });
    renderPage(<WorkbenchTestsPage />, { path: '/staff/diagnostics', url: '/staff/diagnostics?status=retired' });

    expect(await screen.findByRole('link', { name: 'Таблицы Шульте' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Мои интересы' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Лидерство' })).not.toBeInTheDocument();
  });
});

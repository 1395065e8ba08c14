import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { WorkbenchStatisticsPage } from './statistics-page';

afterEach(() => vi.unstubAllGlobals());

const card = {
  id: 7,
  slug: 'interests-6-7',
  kind: 'test',
  status: 'published',
  versions: [{ id: 11, version: 1, status: 'published', itemCount: 3, createdAt: '2025-02-01T10:00:00Z', publishedAt: '2025-02-01T11:00:00Z', fromCatalogue: true, completedAttempts: 12 }],
  latest: { id: 11, version: 1, status: 'published', source: 'format: 1', definition: { title: 'Мои интересы' } },
};

const NORMS = {
  normsNeeded: 300,
  norms: [
    { gradeBand: '6-7', source: 'platform', firstAttempts: 420, sampleSize: 310, computedAt: '2025-03-02T00:40:00Z' },
    { gradeBand: '8-9', source: 'provisional', firstAttempts: 12, sampleSize: null, computedAt: null },
  ],
};

const render = (statistics: object) => {
  mockApi({
    'GET /api/diagnostics/definitions/7': { body: card },
    'GET /api/diagnostics/definitions/7/statistics': { body: { ...NORMS, ...statistics } },
  });
  renderPage(<WorkbenchStatisticsPage />, { path: '/staff/diagnostics/:testId/statistics', url: '/staff/diagnostics/7/statistics' });
};

describe('item statistics', () => {
  it('says how many attempts are still needed below the threshold', async () => {
    render({ testId: 7, versionId: 11, version: 1, needed: 30, attempts: 12, enough: false, scales: [] });

    expect(await screen.findByText('Статистика появится после 30 прохождений (сейчас 12)')).toBeInTheDocument();
    expect(screen.getByText('Версия 1: 12 завершённых прохождений')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /Задания шкалы/ })).not.toBeInTheDocument();
  });

  it('says per grade band whether results are scored on the platform’s norms or on provisional ones', async () => {
    render({ testId: 7, versionId: 11, version: 1, needed: 30, attempts: 12, enough: false, scales: [] });

    const table = await screen.findByRole('table', { name: 'Нормы по параллелям' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('6-7 классы');
    expect(rows[1]).toHaveTextContent('По данным платформы');
    expect(rows[1]).toHaveTextContent('Посчитаны 2 марта 2025, выборка — 310 первых прохождений; сейчас 420.');
    expect(rows[2]).toHaveTextContent('Предварительные (экспертные)');
    expect(rows[2]).toHaveTextContent('Нормы платформы появятся, когда в параллели наберётся 300 первых прохождений; сейчас 12.');
  });

  it('shows each scale’s alpha with its verdict and the items in a table, weak ones marked', async () => {
    // jsdom lays nothing out, so the chart warns that it has no size.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render({
      testId: 7,
      versionId: 11,
      version: 1,
      needed: 30,
      attempts: 120,
      enough: true,
      scales: [
        {
          scaleId: 'realistic',
          title: 'Практик',
          alpha: 0.65,
          items: [
            { itemId: 'q1', text: 'Собрать робота', facility: 0.54, discrimination: 0.41, weak: false },
            { itemId: 'q2', text: 'Починить велосипед', facility: 0.97, discrimination: 0.08, weak: true },
          ],
        },
      ],
    });

    expect(await screen.findByRole('heading', { level: 2, name: 'Практик' })).toBeInTheDocument();
    expect(screen.getByText('0,65 — приемлемо')).toBeInTheDocument();
    expect(screen.getByText(/≥ 0,7 хорошо, 0,6–0,7 приемлемо, < 0,6 слабо/)).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Задания шкалы «Практик»' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Собрать робота')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('0,54')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('0,41')).toBeInTheDocument();
    expect(within(rows[1]!).queryByText('слабое')).not.toBeInTheDocument();
    expect(within(rows[2]!).getByText('0,97')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('0,08')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('слабое')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Дискриминативность заданий шкалы «Практик»; значения — в таблице заданий' })).toBeInTheDocument();
  });
});

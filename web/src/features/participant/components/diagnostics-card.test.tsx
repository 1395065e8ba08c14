import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { DiagnosticsCard } from './diagnostics-card';

afterEach(() => vi.unstubAllGlobals());

describe('diagnostics card in the pupil cabinet', () => {
  it('counts the tests done and links to the catalogue and the footprint', async () => {
    mockApi({
      'GET /api/diagnostics/catalogue': {
        body: {
          gradeBand: '8-9',
          tests: [
            { completedCount: 2, openAttemptId: null },
            { completedCount: 0, openAttemptId: 'a1' },
            { completedCount: 0, openAttemptId: null },
          ],
        },
      },
    });
    renderPage(<DiagnosticsCard />, { path: '/participant' });

    const card = screen.getByRole('region', { name: 'Диагностика' });
    expect(await within(card).findByText('Пройдено 1 из 3.')).toBeInTheDocument();
    expect(within(card).getByText(/Начато и не закончено: 1/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Тесты и игры' })).toHaveAttribute('href', '/participant/diagnostics');
    expect(within(card).getByRole('link', { name: 'Мой цифровой след' })).toHaveAttribute('href', '/participant/footprint');
  });
});

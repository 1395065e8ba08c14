import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { CatalogueTest } from '@web/lib/diagnostics-catalogue';
import { CataloguePage } from './catalogue-page';

afterEach(() => vi.unstubAllGlobals());

function test(slug: string, title: string, extra: Partial<CatalogueTest> = {}): CatalogueTest {
  return {
    slug,
    kind: 'test',
    title,
    summary: `О тесте «${title}»`,
    durationMinutes: 10,
    itemCount: 24,
    adapted: false,
    stage: 'abilities',
    openAttemptId: null,
    completedCount: 0,
    lastCompletedAt: null,
    lastAttemptId: null,
    retakeAvailableAt: null,
    ...extra,
  };
}

const tests = [
  test('creativity', 'Креативность'),
  test('leadership', 'Лидерство', { openAttemptId: 'open1' }),
  test('ei', 'Эмоциональный интеллект', {
    completedCount: 1,
    lastCompletedAt: '2025-03-01T10:00:00.000Z',
    lastAttemptId: 'done1',
    retakeAvailableAt: '2025-03-31T10:00:00.000Z',
  }),
  test('schulte', 'Таблицы Шульте', { kind: 'game', itemCount: 0, durationMinutes: 5 }),
  test('interests', 'Карта интересов', { stage: 'interests', completedCount: 1, lastCompletedAt: '2025-02-01T10:00:00.000Z', lastAttemptId: 'done0' }),
  test('uploaded', 'Тест методиста', { stage: null, adapted: true }),
];

const stages = [
  { stage: 'interests', offered: 1, completed: 1, goal: 1, reached: true, current: false },
  { stage: 'abilities', offered: 4, completed: 1, goal: 3, reached: false, current: true },
  { stage: 'professions', offered: 0, completed: 0, goal: 0, reached: true, current: false },
];

describe('catalogue', () => {
  it('shows each test with its state, filters and starts a test', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/catalogue': { body: { gradeBand: '8-9', tests, stages } },
      'POST /api/diagnostics/tests/creativity/attempts': { status: 201, body: { attemptId: 'new1', resumed: false } },
    });
    const user = userEvent.setup();
    renderPage(<CataloguePage />, { path: '/participant/diagnostics' });

    const creativity = await screen.findByRole('article', { name: 'Креативность' });
    expect(within(creativity).getByText('Не начат')).toBeInTheDocument();
    expect(within(creativity).getByText('Тест · 24 вопроса · около 10 минут')).toBeInTheDocument();

    const leadership = screen.getByRole('article', { name: 'Лидерство' });
    expect(within(leadership).getByRole('link', { name: 'Продолжить: Лидерство' })).toHaveAttribute('href', '/participant/diagnostics/attempts/open1');

    const ei = screen.getByRole('article', { name: 'Эмоциональный интеллект' });
    expect(within(ei).getByText('Пройден 1 марта 2025')).toBeInTheDocument();
    expect(within(ei).getByText('Повторить можно с 31 марта 2025')).toBeInTheDocument();
    expect(within(ei).getByRole('link', { name: 'Результат: Эмоциональный интеллект' })).toHaveAttribute('href', '/participant/diagnostics/results/done1');
    expect(within(ei).queryByRole('button', { name: /Пройти ещё раз/ })).not.toBeInTheDocument();

    const path = screen.getByRole('navigation', { name: 'Этапы диагностики' });
    const steps = within(path).getAllByRole('listitem');
    expect(steps.map((step) => step.getAttribute('aria-current'))).toEqual([null, 'step', null]);
    expect(steps[0]).toHaveTextContent('Пройдено 1 из 1. Этап пройден');
    expect(steps[1]).toHaveTextContent('Ты здесь');
    expect(steps[1]).toHaveTextContent('Пройдено 1 из 4. До следующего этапа: ещё 2 теста');
    expect(steps[2]).toHaveTextContent('Пройдено 0 из 0. Для твоего класса тестов этого этапа пока нет');
    const sections = screen.getAllByRole('region').map((r) => within(r).getAllByRole('heading', { level: 2 })[0]!.textContent);
    expect(sections).toEqual(['Интересы и ценности', 'Способности и навыки', 'Другие тесты']);
    const uploaded = within(screen.getByRole('region', { name: 'Другие тесты' })).getByRole('article', { name: 'Тест методиста' });
    expect(uploaded).toHaveTextContent('Адаптированная версия: короткие вопросы простыми словами, без ограничения времени.');
    expect(screen.getByRole('article', { name: 'Креативность' })).not.toHaveTextContent('Адаптированная версия');

    await user.click(screen.getByRole('radio', { name: 'Игры' }));
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Таблицы Шульте' })).toHaveTextContent('Игра · около 5 минут');

    await user.click(screen.getByRole('radio', { name: 'Не пройденные' }));
    expect(screen.getAllByRole('article')).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'Начать: Креативность' }));
    // The page moves once the request answers: wait for the move, not just for the probe.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/participant/diagnostics/attempts/new1'));
    expect(callsTo(fetchMock, 'POST /api/diagnostics/tests/creativity/attempts')).toHaveLength(1);
  });
});

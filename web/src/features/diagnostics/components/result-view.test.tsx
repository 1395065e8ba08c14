import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@web/test/render';
import type { ResultDetail } from '../api/diagnostics-api';
import { ResultCompare } from './result-compare';
import { ResultView } from './result-view';

function result(overrides: Partial<ResultDetail> = {}): ResultDetail {
  return {
    attemptId: 'r2',
    slug: 'creativity',
    kind: 'test',
    title: 'Креативность',
    completedAt: '2025-03-10T09:00:00.000Z',
    scales: [
      {
        id: 'fluency',
        title: 'Беглость',
        raw: 12,
        score: 71.6,
        norm: { kind: 'sten', value: 7 },
        level: { title: 'Выше среднего', text: 'Ты легко придумываешь много идей.' },
        description: 'Сколько идей приходит в голову',
      },
      {
        id: 'originality',
        title: 'Оригинальность',
        raw: 4,
        score: 35,
        norm: null,
        level: { title: 'Средний', text: 'Иногда твои идеи неожиданные.' },
        description: null,
      },
    ],
    gameSummary: null,
    nextTests: [{ slug: 'leadership', title: 'Лидерство', summary: 'Как ты ведёшь за собой', durationMinutes: 12 }],
    attemptsOfThisTest: [
      { attemptId: 'r1', completedAt: '2025-01-05T09:00:00.000Z' },
      { attemptId: 'r2', completedAt: '2025-03-10T09:00:00.000Z' },
    ],
    ...overrides,
  };
}

const href = (id: string) => `/results/${id}`;

// jsdom lays nothing out, so the charts complain of zero size; their numbers are checked in the tables.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('ResultView', () => {
  it('shows every scale with its score, level, interpretation and norm, and the same numbers as a table', () => {
    renderPage(<ResultView result={result()} audience="pupil" resultHref={href} nextTestAction={(t) => <button type="button">{`Начать: ${t.title}`}</button>} />, { path: '/' });

    const fluency = screen.getByRole('article', { name: 'Беглость' });
    expect(within(fluency).getByText('72 из 100')).toBeInTheDocument();
    expect(within(fluency).getByText('Выше среднего')).toBeInTheDocument();
    expect(within(fluency).getByText('Ты легко придумываешь много идей.')).toBeInTheDocument();
    expect(within(fluency).getByText(/Стен: 7 из 10/)).toBeInTheDocument();
    expect(within(fluency).getByRole('progressbar', { name: 'Беглость: 72 из 100' })).toBeInTheDocument();

    const originality = screen.getByRole('article', { name: 'Оригинальность' });
    expect(within(originality).getByText('Иногда твои идеи неожиданные.')).toBeInTheDocument();
    expect(within(originality).queryByText(/Стен|Процентиль/)).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Креативность: баллы по шкалам от 0 до 100' });
    expect(within(table).getByRole('row', { name: 'Беглость 72' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Оригинальность 35' })).toBeInTheDocument();

    const next = screen.getByRole('region', { name: 'Что дальше' });
    expect(within(next).getByText('Лидерство')).toBeInTheDocument();
    expect(within(next).getByRole('button', { name: 'Начать: Лидерство' })).toBeInTheDocument();

    const attempts = screen.getByRole('region', { name: 'Все попытки этого теста' });
    expect(within(attempts).getByRole('link', { name: /Результат от 5 января 2025/ })).toHaveAttribute('href', '/results/r1');
    expect(within(attempts).getByText(/эта попытка/)).toBeInTheDocument();
  });

  it('gives adults the next tests as plain text and a game its own figures', () => {
    renderPage(
      <ResultView
        result={result({ kind: 'game', gameSummary: { tables: 3, meanSecondsPerTable: 41.5, errors: 2 }, attemptsOfThisTest: [] })}
        audience="adult"
        resultHref={href}
        nextTestAction={() => <button type="button">Начать</button>}
      />,
      { path: '/' },
    );
    expect(screen.queryByRole('button', { name: 'Начать' })).not.toBeInTheDocument();
    expect(screen.getByText('Чтобы картина была полнее, ученику стоит пройти:')).toBeInTheDocument();
    expect(screen.getByText(/Стен: 7 \(шкала от 1 до 10/)).toBeInTheDocument();
    const game = screen.getByRole('region', { name: 'Как прошла игра' });
    expect(within(game).getByText('Таблиц пройдено')).toBeInTheDocument();
    expect(within(game).getByText('41,5')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Все попытки этого теста' })).not.toBeInTheDocument();
  });
});

describe('ResultView with many scales', () => {
  it('draws a radar and still lists every score in the table', () => {
    const base = result().scales[1]!;
    const scales = ['Идеи', 'Гибкость', 'Детали', 'Риск', 'Любопытство'].map((title, i) => ({ ...base, id: `s${i}`, title, score: 20 * i }));
    renderPage(<ResultView result={result({ scales })} audience="adult" resultHref={href} />, { path: '/' });
    const table = screen.getByRole('table', { name: 'Креативность: баллы по шкалам от 0 до 100' });
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByRole('row', { name: 'Любопытство 80' })).toBeInTheDocument();
  });
});

describe('ResultCompare', () => {
  it('puts the earlier attempt first and states the change per scale', () => {
    const later = result();
    const earlier = result({
      attemptId: 'r1',
      completedAt: '2025-01-05T09:00:00.000Z',
      scales: later.scales.map((s) => ({ ...s, score: s.id === 'fluency' ? 50 : 35 })),
    });
    renderPage(<ResultCompare first={later} second={earlier} />, { path: '/' });

    const table = screen.getByRole('table', { name: /баллы от 0 до 100 в двух попытках/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Шкала', 'Раньше: 05.01.2025', 'Позже: 10.03.2025', 'Изменение']);
    expect(within(table).getByRole('row', { name: /Беглость/ })).toHaveTextContent('+22');
    expect(within(table).getByRole('row', { name: /Оригинальность/ })).toHaveTextContent('без изменений');
  });
});

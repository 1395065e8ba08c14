import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { schulteEventsSchema, type SchulteStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

const stimulus: SchulteStimulus = {
  size: 3,
  tables: [
    [5, 1, 9, 3, 7, 2, 8, 4, 6],
    [9, 8, 7, 6, 5, 4, 3, 2, 1],
  ],
};

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

/** The game's live region (the test page has another status: the router's location). */
const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;

/** The arrow keys that move focus from one cell of a 3×3 field to another. */
function arrows(from: number, to: number): string {
  const rows = Math.floor(to / 3) - Math.floor(from / 3);
  const cols = (to % 3) - (from % 3);
  return (rows > 0 ? '{ArrowDown}' : '{ArrowUp}').repeat(Math.abs(rows)) + (cols > 0 ? '{ArrowRight}' : '{ArrowLeft}').repeat(Math.abs(cols));
}

describe('Schulte game', () => {
  it('is played to the end with the keyboard and hands over every click', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="schulte" stimulus={stimulus} onFinish={onFinish} />, { path: '/' });

    expect(screen.getByRole('heading', { name: 'Как играть' })).toBeInTheDocument();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Число 5' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Таблица 1 из 2' })).toBeInTheDocument();
    expect(live()).toHaveTextContent('Таблица 1 из 2. Найди 1.');

    // A wrong number first: it counts as a click, and the game still waits for 1.
    now += 500;
    await user.keyboard('{Enter}');
    expect(live()).toHaveTextContent('Не то число. Ищи 1.');

    let at = 0;
    for (const [table, numbers] of stimulus.tables.entries()) {
      for (let n = 1; n <= 9; n++) {
        const cell = numbers.indexOf(n);
        await user.keyboard(arrows(at, cell));
        at = cell;
        expect(screen.getByRole('button', { name: `Число ${n}` })).toHaveFocus();
        now += 400;
        // Enter in the first table, Space in the second: both press a cell.
        await user.keyboard(table === 0 ? '{Enter}' : ' ');
        if (table === 0 && n === 3) {
          // A key bouncing within 80 ms is not a click.
          await user.keyboard('{Enter}');
          expect(live()).toHaveTextContent('Найди 4.');
        }
      }
      if (table === 0) expect(screen.getByText('Таблица 2 из 2')).toBeInTheDocument();
    }

    expect(onFinish).toHaveBeenCalledTimes(1);
    const events = schulteEventsSchema.parse(onFinish.mock.calls[0]![0]);
    expect(events.clicks).toEqual([
      { table: 0, cell: 0, t: 500 },
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n, i) => ({ table: 0, cell: stimulus.tables[0]!.indexOf(n), t: 900 + 400 * i })),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n, i) => ({ table: 1, cell: stimulus.tables[1]!.indexOf(n), t: 4500 + 400 * i })),
    ]);
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Число/ })).not.toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sequenceEventsSchema, type SequenceStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

// Short timings keep the test quick (the server's own stimulus shows a cell a second), yet every round
// still waits for its show in real time, hence the longer timeouts.
const stimulus: SequenceStimulus = {
  gridSize: 3,
  timing: { pauseMs: 200, litMs: 120, gapMs: 20 },
  spans: [
    { length: 2, attempts: [[0, 4], [8, 2]] },
    { length: 3, attempts: [[1, 5, 6], [3, 7, 2]] },
  ],
};

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;

/** Moves focus across the 3×3 field with the arrows and presses each cell with Enter, 500 ms apart. */
async function tapCells(user: UserEvent, cells: number[], from: number): Promise<number> {
  let at = from;
  for (const cell of cells) {
    const rows = Math.floor(cell / 3) - Math.floor(at / 3);
    const cols = (cell % 3) - (at % 3);
    const keys = (rows > 0 ? '{ArrowDown}' : '{ArrowUp}').repeat(Math.abs(rows)) + (cols > 0 ? '{ArrowRight}' : '{ArrowLeft}').repeat(Math.abs(cols));
    if (keys) await user.keyboard(keys);
    expect(screen.getByRole('button', { name: `Клетка ${cell + 1}` })).toHaveFocus();
    now += 500;
    await user.keyboard('{Enter}');
    at = cell;
  }
  return at;
}

async function start(user: UserEvent) {
  await user.tab();
  await user.keyboard('{Enter}');
  expect(screen.getByRole('button', { name: 'Клетка 1' })).toHaveFocus();
}

describe('sequence game', () => {
  it('shows each sequence, lets it be repeated with the keyboard and hands over the taps', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="sequence" stimulus={stimulus} onFinish={onFinish} />, { path: '/' });
    await start(user);

    // While the cells are being shown, a press does nothing.
    expect(screen.getByRole('button', { name: 'Клетка 1' })).toHaveAttribute('aria-disabled', 'true');
    now += 20;
    await user.keyboard('{Enter}');
    // The first cell lights up, marked by a dot as well as by colour, and is named aloud.
    const dot = await screen.findByText('●');
    expect(dot.closest('button')).toHaveAccessibleName('Клетка 1');
    expect(live()).toHaveTextContent('Клетка 1');

    expect(await screen.findByText('Повтори: 0 из 2')).toBeInTheDocument();
    expect(live()).toHaveTextContent('Повтори: нажми 2 клетки по порядку.');
    let at = await tapCells(user, [0, 4], 0);

    // Round 2 is one cell longer; the pupil gets its order wrong.
    expect(await screen.findByText('Раунд 2 · 3 клетки')).toBeInTheDocument();
    await screen.findByText('Повтори: 0 из 3');
    at = await tapCells(user, [1, 6, 5], at);
    expect(live()).toHaveTextContent('Не совпало. Ещё одна попытка той же длины.');

    // The second attempt at length 3 is right, and 3 is the last length.
    await screen.findByText('Повтори: 0 из 3');
    await tapCells(user, [3, 7, 2], at);

    expect(onFinish).toHaveBeenCalledTimes(1);
    const events = sequenceEventsSchema.parse(onFinish.mock.calls[0]![0]);
    expect(events.taps.map(({ round, cell }) => [round, cell])).toEqual([
      [0, 0], [0, 4],
      [1, 1], [1, 6], [1, 5],
      [2, 3], [2, 7], [2, 2],
    ]);
    expect(events.taps.map((tap) => tap.t)).toEqual([520, 1020, 1520, 2020, 2520, 3020, 3520, 4020]);
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
  }, 15_000);

  it('ends after two wrong rounds of one length', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="sequence" stimulus={stimulus} onFinish={onFinish} busy />, { path: '/' });
    await start(user);

    await screen.findByText('Повтори: 0 из 2');
    const at = await tapCells(user, [4, 0], 0);
    await screen.findByText('Раунд 2 · 2 клетки');
    await screen.findByText('Повтори: 0 из 2');
    await tapCells(user, [2, 8], at);

    const events = sequenceEventsSchema.parse(onFinish.mock.calls[0]![0]);
    expect(events.taps.map(({ round, cell }) => [round, cell])).toEqual([[0, 4], [0, 0], [1, 2], [1, 8]]);
    expect(screen.getByText('Сохраняем результат…')).toBeInTheDocument();
  }, 15_000);
});

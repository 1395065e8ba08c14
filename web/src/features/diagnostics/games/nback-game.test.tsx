import { act, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nbackEventsSchema, type NbackStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

// 1-back: the second and the fifth letters match the one before them.
const stimulus: NbackStimulus = { n: 1, timing: { pauseMs: 1000, shownMs: 500, trialMs: 1000 }, letters: ['К', 'К', 'М', 'Л', 'Л'] };

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;

/** Moves the game's clock to `ms` after «Начать» and waits for the field to look at it (it does every 50 ms). */
async function at(ms: number) {
  now = 10_000 + ms;
  await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
}

async function space(user: UserEvent) {
  await user.keyboard(' ');
}

describe('n-back game', () => {
  it('shows the letters on the clock, takes one press of «Совпадает» per letter and hands over the presses', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="nback" stimulus={stimulus} onFinish={onFinish} busy />, { path: '/' });
    expect(screen.getByText(/Сравнивай каждую букву с предыдущей буквой/)).toBeInTheDocument();

    await user.tab();
    await user.keyboard('{Enter}');
    const button = screen.getByRole('button', { name: 'Совпадает' });
    expect(button).toHaveFocus();
    expect(live()).toHaveTextContent('Приготовься: сравнивай с предыдущей буквой.');

    await at(1100);
    expect(screen.getByRole('img', { name: 'Буква К' })).toBeInTheDocument();
    expect(screen.getByText('Буква 1 из 5')).toBeInTheDocument();
    // 100 ms after a letter appears is too soon to have seen it: the press is dropped.
    await space(user);
    await at(2400);
    expect(screen.getByText('Буква 2 из 5')).toBeInTheDocument();
    await space(user);
    expect(screen.getByText('Нажатие принято')).toBeInTheDocument();
    // A second press for the same letter does not count.
    await at(2450);
    await space(user);
    // The letter has gone, the field is empty, and its time still runs.
    await at(3700);
    expect(screen.getByRole('img', { name: 'Пустое поле' })).toBeInTheDocument();
    expect(screen.getByText('Буква 3 из 5')).toBeInTheDocument();
    expect(screen.queryByText('Нажатие принято')).not.toBeInTheDocument();
    await at(5200);
    expect(screen.getByRole('img', { name: 'Буква Л' })).toBeInTheDocument();
    await user.click(button);
    expect(onFinish).not.toHaveBeenCalled();

    await at(6010);
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(nbackEventsSchema.parse(onFinish.mock.calls[0]![0])).toEqual({
      responses: [
        { trial: 1, t: 2400 },
        { trial: 4, t: 5200 },
      ],
      finishedAt: 6010,
    });
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
  });

  it('says how far back to compare for 2-back', () => {
    renderPage(<GamePlayer type="nback" stimulus={{ ...stimulus, n: 2 }} onFinish={vi.fn()} />, { path: '/' });
    expect(screen.getByText(/с буквой, показанной двумя шагами раньше/)).toBeInTheDocument();
  });
});

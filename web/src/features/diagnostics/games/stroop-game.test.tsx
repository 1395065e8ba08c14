import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stroopEventsSchema, type StroopStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

// The cross rests as long as the server's does, so that the test can see it before the word.
const stimulus: StroopStimulus = {
  pauseMs: 500,
  trials: [
    { word: 'red', ink: 'blue' },
    { word: 'green', ink: 'green' },
    { word: 'yellow', ink: 'red' },
    { word: 'blue', ink: 'yellow' },
  ],
};

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;

describe('Stroop game', () => {
  it('names the ink in words and by shape, is answered with digit keys or the buttons, and hands over every answer', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="stroop" stimulus={stimulus} onFinish={onFinish} busy />, { path: '/' });
    expect(screen.getByText(/круг — красный, квадрат — синий/)).toBeInTheDocument();

    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: /Красный/ })).toHaveFocus();
    expect(screen.getByRole('img', { name: 'Крестик: приготовься' })).toBeInTheDocument();
    // The word, the colour of its letters and the shape that stands for that colour.
    expect(await screen.findByRole('img', { name: 'Слово «КРАСНЫЙ», цвет букв — синий (квадрат)' }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('Слово 1 из 4')).toBeInTheDocument();

    now += 900;
    await user.keyboard('2');
    expect(live()).toHaveTextContent('Слово 2 из 4.');
    // Pressed again 100 ms later: the next word has not even appeared, so the press is dropped.
    now += 100;
    await user.keyboard('3');
    expect(live()).toHaveTextContent('Слово 2 из 4.');
    expect(await screen.findByRole('img', { name: /Слово «ЗЕЛЁНЫЙ», цвет букв — зелёный/ }, { timeout: 3000 })).toBeInTheDocument();

    now += 1000;
    await user.keyboard('3');
    // Tab and Enter reach the same answers as the digits.
    now += 1200;
    expect(screen.getByRole('button', { name: /Красный/ })).toHaveFocus();
    await user.keyboard('{Tab}{Tab}{Tab}');
    expect(screen.getByRole('button', { name: /Жёлтый/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    now += 700;
    await user.click(screen.getByRole('button', { name: /Жёлтый/ }));

    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(stroopEventsSchema.parse(onFinish.mock.calls[0]![0])).toEqual({
      answers: [
        { trial: 0, answer: 'blue', t: 900 },
        { trial: 1, answer: 'green', t: 2000 },
        { trial: 2, answer: 'yellow', t: 3200 },
        { trial: 3, answer: 'yellow', t: 3900 },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
  });

  it('says so when the stimulus is not a game it knows', () => {
    renderPage(<GamePlayer type="stroop" stimulus={{ pauseMs: 500, trials: [{ word: 'purple', ink: 'red' }] }} onFinish={vi.fn()} />, { path: '/' });
    expect(screen.getByRole('alert')).toHaveTextContent('Игра не открылась');
  });
});

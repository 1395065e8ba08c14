import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ROTATION_TRIALS, rotationEventsSchema, type RotationStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

const stimulus: RotationStimulus = {
  trials: Array.from({ length: ROTATION_TRIALS }, () => ({
    sample: [[0, 0], [0, 1], [0, 2], [1, 2]],
    probe: [[0, 0], [1, 0], [2, 0], [0, 1]],
  })),
};

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;

describe('rotation game', () => {
  it('is answered to the end with the keyboard and hands over one answer per trial', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="rotation" stimulus={stimulus} onFinish={onFinish} busy />, { path: '/' });

    await user.tab();
    await user.keyboard('{Enter}');
    const same = screen.getByRole('button', { name: 'Та же' });
    expect(same).toHaveFocus();
    expect(screen.getByRole('img', { name: 'Образец: фигура из 4 клеток' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Вторая фигура из 4 клеток/ })).toBeInTheDocument();

    for (let trial = 0; trial < ROTATION_TRIALS; trial++) {
      expect(screen.getByText(`Задание ${trial + 1} из ${ROTATION_TRIALS}`)).toBeInTheDocument();
      now += 1500;
      if (trial % 2 === 0) {
        await user.keyboard('{Enter}');
      } else {
        await user.tab();
        expect(screen.getByRole('button', { name: 'Зеркальная' })).toHaveFocus();
        await user.keyboard(' ');
        if (trial < ROTATION_TRIALS - 1) await user.tab({ shift: true });
      }
      if (trial === 4) {
        // Answered again 100 ms later: too soon to have looked at the next trial, so dropped.
        now += 100;
        await user.keyboard('{Enter}');
        expect(live()).toHaveTextContent('Задание 6 из 12.');
      }
    }

    expect(onFinish).toHaveBeenCalledTimes(1);
    const events = rotationEventsSchema.parse(onFinish.mock.calls[0]![0]);
    expect(events.answers).toEqual(
      Array.from({ length: ROTATION_TRIALS }, (_, trial) => ({
        trial,
        answer: trial % 2 === 0 ? 'same' : 'mirror',
        t: 1500 * (trial + 1) + (trial > 4 ? 100 : 0),
      })),
    );
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
    expect(screen.getByText('Сохраняем результат…')).toBeInTheDocument();
  });

  it('says so when the stimulus is not a game it knows', () => {
    renderPage(<GamePlayer type="rotation" stimulus={{ trials: [] }} onFinish={vi.fn()} />, { path: '/' });
    expect(screen.getByRole('alert')).toHaveTextContent('Игра не открылась');
    expect(screen.queryByRole('button', { name: 'Начать' })).not.toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { towerEventsSchema, type TowerStimulus } from '@common/diagnostics/games.js';
import { renderPage } from '@web/test/render';
import { GamePlayer } from './game-player';

const stimulus: TowerStimulus = {
  problems: [
    { start: [['red', 'green'], ['blue'], []], goal: [['red'], ['blue'], ['green']], minMoves: 1, maxMoves: 6 },
    { start: [['red'], ['blue'], ['green']], goal: [['red', 'green'], ['blue'], []], minMoves: 1, maxMoves: 2 },
  ],
};

let now = 0;
beforeEach(() => {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

const live = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite')!;
const peg = (n: number) => screen.getByRole('button', { name: new RegExp(`^Стержень ${n} `) });

describe('tower game', () => {
  it('is played with digit keys, Tab and Enter; names every ball and peg; ends a problem at its goal or its move limit', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    renderPage(<GamePlayer type="tower" stimulus={stimulus} onFinish={onFinish} busy />, { path: '/' });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(peg(1)).toHaveFocus();
    expect(peg(1)).toHaveAccessibleName('Стержень 1 — снизу вверх: красный, зелёный; мест: 3');
    expect(screen.getByRole('img', { name: 'Образец. Стержень 1 — снизу вверх: красный; Стержень 2 — снизу вверх: синий; Стержень 3 — снизу вверх: зелёный' })).toBeInTheDocument();
    expect(screen.getByText('Задача 1 из 2')).toBeInTheDocument();
    expect(screen.getByText('Ходов: 0 · наименьшее — 1 · предел — 6')).toBeInTheDocument();
    // Letters on the balls, not colour alone.
    expect(screen.getAllByText('К').length).toBeGreaterThan(0);

    now += 500;
    await user.keyboard('3');
    expect(live()).toHaveTextContent('На стержне 3 нет шаров.');
    now += 500;
    await user.keyboard('1');
    expect(peg(1)).toHaveAttribute('aria-pressed', 'true');
    expect(live()).toHaveTextContent('Взят зелёный шар со стержня 1. Куда положить?');
    now += 500;
    await user.keyboard('{Escape}');
    expect(peg(1)).toHaveAttribute('aria-pressed', 'false');
    now += 500;
    await user.keyboard('1');
    now += 500;
    await user.keyboard('3');
    expect(live()).toHaveTextContent('Решено за 1 ход. Задача 2 из 2: сложи как на образце за 1 ход.');
    expect(screen.getByText('Задача 2 из 2')).toBeInTheDocument();

    // Peg 3 holds one ball and has one.
    now += 500;
    await user.keyboard('1');
    now += 500;
    await user.keyboard('3');
    expect(live()).toHaveTextContent('Стержень 3 заполнен. Выбери другой.');
    now += 500;
    await user.keyboard('{Escape}');
    // Blue from peg 2 onto peg 1, chosen with Tab and Enter, then back: two moves, the limit, unsolved.
    await user.tab({ shift: true });
    expect(peg(2)).toHaveFocus();
    now += 500;
    await user.keyboard('{Enter}');
    await user.tab({ shift: true });
    now += 500;
    await user.keyboard('{Enter}');
    expect(peg(1)).toHaveAccessibleName('Стержень 1 — снизу вверх: красный, синий; мест: 3');
    expect(screen.getByText('Ходов: 1 · наименьшее — 1 · предел — 2')).toBeInTheDocument();
    now += 500;
    await user.keyboard('1');
    // Too soon after the press before: a bounce, dropped.
    now += 20;
    await user.keyboard('3');
    now += 500;
    await user.keyboard('2');

    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(towerEventsSchema.parse(onFinish.mock.calls[0]![0])).toEqual({
      moves: [
        { problem: 0, from: 0, to: 2, t: 2500 },
        { problem: 1, from: 1, to: 0, t: 5000 },
        { problem: 1, from: 0, to: 1, t: 6020 },
      ],
    });
    expect(live()).toHaveTextContent('Ходы закончились, задача не решена.');
    expect(screen.getByRole('heading', { name: 'Игра окончена' })).toHaveFocus();
  });
});

import { describe, expect, it } from 'vitest';
import { GRADE_BANDS } from '@common/diagnostics/dimensions.js';
import { moveBall, sameTowerState, towerStimulusSchema, type TowerMove, type TowerState } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { TOWER_PROBLEMS, towerDistances, towerStimulus } from './tower.js';

const engine = GAME_ENGINES.tower;
const SEED = 1982;
const BAND = '8-9';
const { problems } = towerStimulus(SEED, BAND);
const key = (s: TowerState) => JSON.stringify(s);

type Step = [from: number, to: number];

/** Any move that brings `state` one move closer to `goal` (moves can be undone, so distances run both ways). */
function shortest(state: TowerState, goal: TowerState): Step[] {
  const distances = towerDistances(goal);
  const path: Step[] = [];
  let at = state;
  const distanceOf = (s: TowerState) => distances.get(s.map((peg) => peg.join(',')).join('|'))!;
  while (!sameTowerState(at, goal)) {
    const step = ([[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]] as Step[]).find(([f, t]) => {
      const next = moveBall(at, f, t);
      return next && distanceOf(next) === distanceOf(at) - 1;
    })!;
    path.push(step);
    at = moveBall(at, ...step)!;
  }
  return path;
}

/** A legal move from `state` that does not reach `goal`, and the move that undoes it. */
function detour(state: TowerState, goal: TowerState): [Step, Step] {
  for (const [f, t] of [[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]] as Step[]) {
    const next = moveBall(state, f, t);
    if (next && !sameTowerState(next, goal)) return [[f, t], [t, f]];
  }
  throw new Error('no detour');
}

/** Plays problem after problem with the steps `plan` gives, one move every `stepMs`. */
function play(plan: (problem: number) => Step[], stepMs = 1000): TowerMove[] {
  let t = 0;
  return problems.flatMap((_, problem) => plan(problem).map(([from, to]) => ({ problem, from, to, t: (t += stepMs) })));
}

const optimal = (p: number) => shortest(problems[p]!.start, problems[p]!.goal);

function refusal(moves: unknown) {
  const verdict = engine.score(SEED, BAND, { moves });
  expect(verdict.ok).toBe(false);
  return verdict.ok ? '' : verdict.message;
}

describe('tower (Tower of London)', () => {
  it('draws problems of the band’s lengths, each goal exactly its fewest moves away, no pair twice', () => {
    for (const band of GRADE_BANDS) {
      const stimulus = towerStimulusSchema.parse(engine.stimulus(SEED, band));
      expect(stimulus.problems.map((p) => p.minMoves)).toEqual(TOWER_PROBLEMS[band]);
      for (const p of stimulus.problems) {
        expect(towerDistances(p.start).get(p.goal.map((peg) => peg.join(',')).join('|'))).toBe(p.minMoves);
        expect(p.maxMoves).toBe(2 * p.minMoves + 4);
        expect(p.start[0]!.length <= 3 && p.start[1]!.length <= 2 && p.start[2]!.length <= 1).toBe(true);
      }
      expect(new Set(stimulus.problems.map((p) => key(p.start) + key(p.goal))).size).toBe(stimulus.problems.length);
    }
    expect(towerStimulus(SEED, BAND)).toEqual({ problems });
    expect(towerStimulus(SEED + 1, BAND)).not.toEqual({ problems });
  });

  it('scores every problem solved in the fewest moves as full planning', () => {
    expect(engine.score(SEED, BAND, { moves: play(optimal) })).toEqual({
      ok: true,
      score: {
        metrics: { planning: 100, optimal: 100 },
        durationMs: 32_000,
        summary: { problems: 8, solved: 8, perfect: 8, extraMoves: 0, planningSeconds: 1 },
      },
    });
  });

  it('takes off for extra moves and gives nothing for a problem left at its move limit', () => {
    const moves = play((p) => {
      const { start, goal, maxMoves } = problems[p]!;
      const [there, back] = detour(start, goal);
      if (p === 0) return [there, back, ...optimal(0)];
      if (p === 7) return Array.from({ length: maxMoves }, (_, i) => (i % 2 === 0 ? there : back));
      return optimal(p);
    });
    // Efficiency: 2/4, six times 1, then 0: mean 0.8125; (0.8125 − 0.2) / 0.8 = 76.6. Six of eight perfect: 75.
    const verdict = engine.score(SEED, BAND, { moves });
    expect(verdict.ok && verdict.score.metrics).toEqual({ planning: 77, optimal: 75 });
    expect(verdict.ok && verdict.score.summary).toEqual({ problems: 8, solved: 7, perfect: 6, extraMoves: 2, planningSeconds: 1 });
  });

  it('measures thinking before the first move of each problem', () => {
    const moves = play(optimal);
    // Every problem starts with 4 s of thought, the first one counted from the start of the game.
    let shift = 0;
    const thoughtful = moves.map((m, i) => {
      if (i === 0 || m.problem !== moves[i - 1]!.problem) shift += 3000;
      return { ...m, t: m.t + shift };
    });
    const verdict = engine.score(SEED, BAND, { moves: thoughtful });
    expect(verdict.ok && verdict.score.summary.planningSeconds).toBe(4);
  });

  it('refuses a move the rules forbid, moves of another problem, after the end or a game left unfinished', () => {
    const moves = play(optimal);
    const start = problems[0]!.start;
    const empty = start.findIndex((peg) => peg.length === 0);
    const full = start.findIndex((peg, i) => peg.length === [3, 2, 1][i]);
    const illegal: TowerMove[] = empty >= 0 ? [{ problem: 0, from: empty, to: (empty + 1) % 3, t: 1000 }] : [{ problem: 0, from: (full + 1) % 3, to: full, t: 1000 }];
    expect(refusal(illegal)).toBe('В задаче 1 пришёл ход, который по правилам сделать нельзя. Пройди игру ещё раз.');
    expect(refusal([{ problem: 0, from: 1, to: 1, t: 1000 }])).toMatch(/по правилам сделать нельзя/);
    expect(refusal(moves.map((m, i) => (i === 0 ? { ...m, problem: 1 } : m)))).toMatch(/Ход в задаче 2, когда шла задача 1/);
    expect(refusal([...moves, { problem: 8, from: 0, to: 1, t: 99_000 }])).toMatch(/лишние ходы/);
    expect(refusal(moves.slice(0, 10))).toBe('Пройдено задач: 3 из 8. Результат засчитывается только за всю игру. Пройди игру ещё раз.');
    expect(refusal([])).toMatch(/Пройдено задач: 0 из 8/);
  });

  it('refuses moves faster than two presses of a person and damaged events', () => {
    expect(refusal(play(optimal, 100))).toMatch(/быстрее, чем успевает человек/);
    const moves = play(optimal);
    moves[4]!.t = moves[2]!.t;
    expect(refusal(moves)).toMatch(/идёт назад/);
    expect(refusal([{ problem: 0, from: 0, to: 3, t: 1000 }])).toMatch(/в неверном виде/);
    expect(engine.score(SEED, BAND, null)).toMatchObject({ ok: false });
  });
});

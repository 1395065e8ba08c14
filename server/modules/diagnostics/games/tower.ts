import {
  MIN_TOWER_MOVE_MS,
  TOWER_BALLS,
  TOWER_CAPACITIES,
  moveBall,
  sameTowerState,
  towerEventsSchema,
  type TowerState,
  type TowerStimulus,
} from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { checkPace, median, parseEvents, refuse, seconds, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, pick, shuffle } from './random.js';

/**
 * The fewest moves of each problem, easy to hard. Shallice's original runs from 2 to 5 moves;
 * older pupils start later and go on to 6.
 */
export const TOWER_PROBLEMS: Record<GradeBand, number[]> = {
  '6-7': [2, 2, 3, 3, 4, 4, 5, 5],
  '8-9': [2, 3, 3, 4, 4, 5, 5, 6],
  '10-11': [3, 3, 4, 4, 5, 5, 6, 6],
};

/** Room to go astray and come back, without leaving a pupil stuck on one problem. */
export function towerMoveLimit(minMoves: number): number {
  return 2 * minMoves + 4;
}

/**
 * Mean efficiency (fewest moves ÷ moves made, 0 for an unsolved problem) worth 0 for planning:
 * moving at random within the limits reaches about this much, so only what lies above it counts.
 */
export const TOWER_EFFICIENCY_ZERO = 0.2;

const key = (state: TowerState) => state.map((peg) => peg.join(',')).join('|');

/** Every arrangement of the three balls on pegs holding 3, 2 and 1: 36 in all. */
function allStates(): TowerState[] {
  const states: TowerState[] = [];
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ].map((order) => order.map((i) => TOWER_BALLS[i]!));
  for (let a = 0; a <= TOWER_CAPACITIES[0]; a++) {
    for (let b = 0; b <= TOWER_CAPACITIES[1]; b++) {
      const c = TOWER_BALLS.length - a - b;
      if (c < 0 || c > TOWER_CAPACITIES[2]) continue;
      for (const balls of orders) states.push([balls.slice(0, a), balls.slice(a, a + b), balls.slice(a + b)]);
    }
  }
  return states;
}

const STATES = allStates();

/** Fewest moves from `from` to every arrangement, by breadth-first search. */
export function towerDistances(from: TowerState): Map<string, number> {
  const distances = new Map([[key(from), 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const state = queue.shift()!;
    const d = distances.get(key(state))!;
    for (let f = 0; f < state.length; f++) {
      for (let t = 0; t < state.length; t++) {
        const next = moveBall(state, f, t);
        if (next && !distances.has(key(next))) {
          distances.set(key(next), d + 1);
          queue.push(next);
        }
      }
    }
  }
  return distances;
}

/** From every arrangement to every other, worked out once: stimuli are drawn at every look at an attempt. */
const DISTANCES = new Map(STATES.map((s) => [key(s), towerDistances(s)]));

/** Each problem a fresh start and a goal exactly its number of moves away, no pair twice. */
export function towerStimulus(seed: number, band: GradeBand): TowerStimulus {
  const random = mulberry32(seed);
  const used = new Set<string>();
  const problems = TOWER_PROBLEMS[band].map((minMoves) => {
    for (;;) {
      const start = STATES[pick(random, STATES.length)]!;
      const distances = DISTANCES.get(key(start))!;
      const goals = shuffle(random, STATES.filter((s) => distances.get(key(s)) === minMoves));
      const goal = goals.find((g) => !used.has(`${key(start)}>${key(g)}`));
      if (!goal) continue;
      used.add(`${key(start)}>${key(goal)}`);
      return { start, goal, minMoves, maxMoves: towerMoveLimit(minMoves) };
    }
  });
  return { problems };
}

export const towerEngine: GameEngine = {
  stimulus: (seed, band) => towerStimulus(seed, band),

  score(seed, band, input) {
    const parsed = parseEvents(towerEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { moves } = parsed.events;
    const pace = checkPace(
      moves.map((m) => m.t),
      MIN_TOWER_MOVE_MS,
      'Ходы идут быстрее, чем успевает человек.',
    );
    if (pace) return pace;
    const { problems } = towerStimulus(seed, band);

    // Replays the game: the problem in play, its arrangement and moves, and how each one ended.
    let problem = 0;
    let state = problems[0]!.start;
    let made = 0;
    let shownAt = 0;
    const outcomes: Array<{ solved: boolean; moves: number; planningMs: number }> = [];
    let planningMs = 0;
    for (const move of moves) {
      if (problem >= problems.length) return refuse('После последней задачи пришли лишние ходы.');
      if (move.problem !== problem) return refuse(`Ход в задаче ${move.problem + 1}, когда шла задача ${problem + 1}.`);
      const next = moveBall(state, move.from, move.to);
      if (!next) return refuse(`В задаче ${problem + 1} пришёл ход, который по правилам сделать нельзя.`);
      if (made === 0) planningMs = move.t - shownAt;
      state = next;
      made++;
      const { goal, maxMoves } = problems[problem]!;
      const solved = sameTowerState(state, goal);
      if (solved || made === maxMoves) {
        outcomes.push({ solved, moves: made, planningMs });
        problem++;
        made = 0;
        shownAt = move.t;
        if (problem < problems.length) state = problems[problem]!.start;
      }
    }
    if (problem < problems.length) {
      return refuse(`Пройдено задач: ${problem} из ${problems.length}. Результат засчитывается только за всю игру.`);
    }

    const efficiency = outcomes.map((o, i) => (o.solved ? problems[i]!.minMoves / o.moves : 0));
    const meanEfficiency = efficiency.reduce((a, b) => a + b, 0) / problems.length;
    const perfect = efficiency.filter((e) => e === 1).length;
    const solved = outcomes.filter((o) => o.solved);
    return {
      ok: true,
      score: {
        metrics: {
          planning: toMetric(100 * share(meanEfficiency, TOWER_EFFICIENCY_ZERO, 1)),
          optimal: toMetric((100 * perfect) / problems.length),
        },
        durationMs: moves.at(-1)!.t,
        summary: {
          problems: problems.length,
          solved: solved.length,
          perfect,
          extraMoves: outcomes.reduce((sum, o, i) => sum + (o.solved ? o.moves - problems[i]!.minMoves : 0), 0),
          planningSeconds: seconds(median(outcomes.map((o) => o.planningMs))),
        },
      },
    };
  },
};

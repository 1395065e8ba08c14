import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  STROOP_COLOURS,
  moveBall,
  sameTowerState,
  type NbackStimulus,
  type StroopStimulus,
  type TowerMove,
  type TowerState,
  type TowerStimulus,
} from '@common/diagnostics/games.js';
import type { Pupil } from '@server/test/factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { pupilOfGrade, start, startedMinutesAgo } from './fixtures.js';

/**
 * The three games added after the first three (Stroop, n-back, tower), each played through HTTP
 * from the stimulus the attempt shows, with events built as the browser would send them.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const getAttempt = (who: Pupil, attemptId: string) => t.api('GET', `/api/diagnostics/attempts/${attemptId}`, { cookie: who.cookie });
const submit = (who: Pupil, attemptId: string, events: unknown) =>
  t.api('POST', `/api/diagnostics/attempts/${attemptId}/game`, { cookie: who.cookie, body: { events } });
const getResult = (who: Pupil, attemptId: string) => t.api('GET', `/api/pupils/${who.accountId}/diagnostics/results/${attemptId}`, { cookie: who.cookie });

async function attemptStatus(attemptId: string): Promise<string> {
  const [row] = await t.rows<{ status: string }>(sql`select status from diagnostic_attempts where id = ${attemptId}`);
  return row!.status;
}

/** Opens the game as the pupil: the attempt and the stimulus drawn for it. */
async function open<S>(who: Pupil, slug: string, gameType: string): Promise<{ attemptId: string; stimulus: S }> {
  const attemptId = await start(t, who.cookie, slug);
  const attempt = await getAttempt(who, attemptId);
  expect(attempt.status).toBe(200);
  expect(attempt.body.test).toMatchObject({ kind: 'game', gameType, items: [] });
  // Drawn from the attempt's seed: the same on every look.
  expect((await getAttempt(who, attemptId)).body.stimulus).toEqual(attempt.body.stimulus);
  return { attemptId, stimulus: attempt.body.stimulus as S };
}

/** Each refused body answers 422 with its Russian reason and leaves the attempt open. */
async function expectRefused(who: Pupil, attemptId: string, cases: Array<[string, unknown, RegExp]>) {
  for (const [what, events, message] of cases) {
    const res = await submit(who, attemptId, events);
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(422);
    expect(res.body.error.code).toBe('implausible_game');
    expect(res.body.error.message, what).toMatch(message);
  }
  expect(await attemptStatus(attemptId)).toBe('in_progress');
}

/** The scores of a finished game by scale id, its summary, and the pupil's footprint values. */
async function outcome(who: Pupil, attemptId: string) {
  const result = await getResult(who, attemptId);
  expect(result.status).toBe(200);
  const footprint = await t.api('GET', `/api/pupils/${who.accountId}/footprint`, { cookie: who.cookie });
  expect(footprint.status).toBe(200);
  return {
    scores: Object.fromEntries((result.body.scales as Array<{ id: string; score: number }>).map((s) => [s.id, s.score])),
    summary: result.body.gameSummary as Record<string, number>,
    footprint: Object.fromEntries(
      (footprint.body.directions as Array<{ dimensions: Array<{ key: string; value: number }> }>).flatMap((d) => d.dimensions.map((x) => [x.key, x.value])),
    ),
  };
}

describe('the Stroop game', () => {
  it('is scored from its answers; play faster than reading and missing answers are refused', async () => {
    const pupil = await pupilOfGrade(t, 7);
    const { attemptId, stimulus } = await open<StroopStimulus>(pupil, 'game-stroop', 'stroop');
    expect(stimulus.trials).toHaveLength(24);

    // Agreeing words in 0.9 s, the others in 1.2 s; the first four disagreeing ones answered wrongly.
    let time = 0;
    let wrong = 4;
    const answers = stimulus.trials.map(({ word, ink }, trial) => {
      const congruent = word === ink;
      time += stimulus.pauseMs + (congruent ? 900 : 1200);
      const answer = !congruent && wrong-- > 0 ? STROOP_COLOURS.find((c) => c !== ink)! : ink;
      return { trial, answer, t: time };
    });

    await expectRefused(pupil, attemptId, [
      ['faster than reading', { answers: answers.map((a, i) => ({ ...a, t: (i + 1) * (stimulus.pauseMs + 100) })) }, /быстрее, чем можно прочитать/],
      ['answers missing', { answers: answers.slice(0, 10) }, /Нужны ответы на все 24 слов/],
      ['a colour the game has not', { answers: answers.map((a, i) => (i === 0 ? { ...a, answer: 'purple' } : a)) }, /в неверном виде/],
    ]);

    await startedMinutesAgo(t, attemptId, 2);
    const played = await submit(pupil, attemptId, { answers });
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    const { scores, summary, footprint } = await outcome(pupil, attemptId);
    expect(summary).toEqual({ correct: 20, trials: 24, congruentMs: 900, incongruentMs: 1200, interferenceMs: 300 });
    // 12 of 16 disagreeing words right: 0.667 above chance; 1.2 s against 2.5–1 s for grades 6–7: 0.867;
    // 66.7 × (0.6 + 0.4 × 0.867) = 63.1. Accuracy: 20 of 24 above a quarter: 77.8.
    expect(scores).toEqual({ attention: 63, accuracy: 78 });
    // Attention in the footprint: (63 × 1 + 78 × 0.3) / 1.3 = 66.5.
    expect(footprint['soft_skill:attention']).toBe(66);
    expect((await submit(pupil, attemptId, { answers })).status).toBe(409);
  });
});

describe('the n-back game', () => {
  it('is scored from the presses on its clock; a game shorter than its letters or than the time since it opened is refused', async () => {
    const pupil = await pupilOfGrade(t, 8);
    const { attemptId, stimulus } = await open<NbackStimulus>(pupil, 'game-nback', 'nback');
    // Grade 8: compare with the letter two back.
    expect(stimulus.n).toBe(2);
    const { pauseMs, trialMs } = stimulus.timing;
    const onset = (trial: number) => pauseMs + trial * trialMs;
    const end = onset(stimulus.letters.length);
    const isTarget = (i: number) => i >= stimulus.n && stimulus.letters[i] === stimulus.letters[i - stimulus.n];
    const targets = stimulus.letters.flatMap((_, i) => (isTarget(i) ? [i] : []));
    const others = stimulus.letters.flatMap((_, i) => (isTarget(i) ? [] : [i]));
    expect(targets).toHaveLength(8);

    // Six of the eight matches seen and two presses where nothing matched, each 0.7 s after the letter appears.
    const pressed = [...targets.slice(0, 6), ...others.slice(0, 2)].sort((a, b) => a - b);
    const responses = pressed.map((trial) => ({ trial, t: onset(trial) + 700 }));
    const events = { responses, finishedAt: end + 300 };

    await expectRefused(pupil, attemptId, [
      ['longer than since the attempt started', events, /не сходится/],
      ['ended before the last letter', { responses, finishedAt: end - 2000 }, /раньше, чем были показаны все буквы/],
      ['a press before its letter could be seen', { responses: [{ trial: 4, t: onset(4) + 20 }], finishedAt: end }, /раньше, чем её можно было увидеть/],
    ]);

    await startedMinutesAgo(t, attemptId, 2);
    const played = await submit(pupil, attemptId, events);
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    const { scores, summary, footprint } = await outcome(pupil, attemptId);
    expect(summary).toEqual({ nBack: 2, hits: 6, targets: 8, falseAlarms: 2, hitMs: 700 });
    // Pr = 6/8 − 2/18 = 0.639 against 0.85 for grades 8–9: 75.2. Right decisions 22 of 26 against 18 of 26 for silence: 50.
    expect(scores).toEqual({ memory: 75, accuracy: 50 });
    expect(footprint).toMatchObject({ 'soft_skill:memory': 75, 'soft_skill:attention': 50 });
  });
});

/** The fewest moves from one arrangement to another, by breadth-first search over legal moves. */
function solve(from: TowerState, to: TowerState): Array<[number, number]> {
  const seen = new Set([JSON.stringify(from)]);
  const queue: Array<{ state: TowerState; path: Array<[number, number]> }> = [{ state: from, path: [] }];
  for (;;) {
    const { state, path } = queue.shift()!;
    if (sameTowerState(state, to)) return path;
    for (let f = 0; f < 3; f++) {
      for (let g = 0; g < 3; g++) {
        const next = moveBall(state, f, g);
        if (next && !seen.has(JSON.stringify(next))) {
          seen.add(JSON.stringify(next));
          queue.push({ state: next, path: [...path, [f, g]] });
        }
      }
    }
  }
}

describe('the tower game', () => {
  it('is scored by replaying the moves; a move against the rules is refused', async () => {
    const pupil = await pupilOfGrade(t, 7);
    const { attemptId, stimulus } = await open<TowerStimulus>(pupil, 'game-tower', 'tower');
    expect(stimulus.problems.map((p) => p.minMoves)).toEqual([2, 2, 3, 3, 4, 4, 5, 5]);

    // Seven problems by the shortest path; the last one left at its move limit by moving a ball there and back.
    // Three seconds of thought before each first move, a second for every other move.
    const moves: TowerMove[] = [];
    let time = 0;
    stimulus.problems.forEach(({ start: from, goal, minMoves, maxMoves }, problem) => {
      let path = solve(from, goal);
      expect(path).toHaveLength(minMoves);
      if (problem === stimulus.problems.length - 1) {
        const [f, g] = [0, 1, 2].flatMap((a) => [0, 1, 2].map((b): [number, number] => [a, b])).find(([a, b]) => {
          const next = moveBall(from, a, b);
          return next && !sameTowerState(next, goal);
        })!;
        path = Array.from({ length: maxMoves }, (_, i): [number, number] => (i % 2 === 0 ? [f, g] : [g, f]));
      }
      path.forEach(([f, g], i) => moves.push({ problem, from: f, to: g, t: (time += i === 0 ? 3000 : 1000) }));
    });

    const first = stimulus.problems[0]!.start;
    const emptyPeg = first.findIndex((peg) => peg.length === 0);
    const illegal = emptyPeg >= 0 ? { problem: 0, from: emptyPeg, to: (emptyPeg + 1) % 3, t: 1000 } : { problem: 0, from: 0, to: 0, t: 1000 };
    await expectRefused(pupil, attemptId, [
      ['a move the rules forbid', { moves: [illegal] }, /по правилам сделать нельзя/],
      ['unfinished', { moves: moves.slice(0, 5) }, /Пройдено задач: 2 из 8/],
      ['inhumanly fast', { moves: moves.map((m, i) => ({ ...m, t: (i + 1) * 100 })) }, /быстрее, чем успевает человек/],
    ]);

    await startedMinutesAgo(t, attemptId, 5);
    const played = await submit(pupil, attemptId, { moves });
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    const { scores, summary, footprint } = await outcome(pupil, attemptId);
    expect(summary).toEqual({ problems: 8, solved: 7, perfect: 7, extraMoves: 0, planningSeconds: 3 });
    // Efficiency 7 × 1 + 0 over 8 = 0.875; (0.875 − 0.2) / 0.8 = 84.4. Seven of eight by the shortest path: 87.5.
    expect(scores).toEqual({ planning: 84, optimal: 88 });
    // Self-organisation: (84 × 1 + 88 × 0.3) / 1.3 = 84.9; critical thinking from planning alone.
    expect(footprint).toMatchObject({ 'soft_skill:self-organisation': 85, 'soft_skill:critical-thinking': 84 });
  });
});

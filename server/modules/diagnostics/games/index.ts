import type { GameType } from '@common/diagnostics/definition.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { nbackEngine } from './nback.js';
import { rotationEngine } from './rotation.js';
import { schulteEngine } from './schulte.js';
import { sequenceEngine } from './sequence.js';
import { stroopEngine } from './stroop.js';
import { towerEngine } from './tower.js';

export interface GameScore {
  /** Integers 0–100 by metric name; the game's scales pick theirs by `metric`. */
  metrics: Record<string, number>;
  durationMs: number;
  /** Raw figures for the result page, named in `GAME_SUMMARY_LABELS`. */
  summary: Record<string, number>;
}

export type GameVerdict = { ok: true; score: GameScore } | { ok: false; message: string };

/**
 * A game's rules. The stimulus is drawn from the attempt's seed, so scoring draws it again instead
 * of trusting anything the browser says about what it showed.
 */
export interface GameEngine {
  stimulus(seed: number, band: GradeBand): unknown;
  score(seed: number, band: GradeBand, events: unknown): GameVerdict;
}

export const GAME_ENGINES: Record<GameType, GameEngine> = {
  schulte: schulteEngine,
  sequence: sequenceEngine,
  rotation: rotationEngine,
  stroop: stroopEngine,
  nback: nbackEngine,
  tower: towerEngine,
};

import { useMemo } from 'react';
import { Alert } from '@mantine/core';
import type { GameType } from '@common/diagnostics/definition.js';
import {
  nbackStimulusSchema,
  rotationStimulusSchema,
  schulteStimulusSchema,
  sequenceStimulusSchema,
  stroopStimulusSchema,
  towerStimulusSchema,
  type NbackStimulus,
  type RotationStimulus,
  type SchulteStimulus,
  type SequenceStimulus,
  type StroopStimulus,
  type TowerStimulus,
} from '@common/diagnostics/games.js';
import { NbackGame } from './nback-game';
import { RotationGame } from './rotation-game';
import { SchulteGame } from './schulte-game';
import { SequenceGame } from './sequence-game';
import { StroopGame } from './stroop-game';
import { TowerGame } from './tower-game';

export interface GamePlayerProps {
  type: GameType;
  /** As the server sent it; checked here, so that a shape this page does not know shows a message instead of a broken field. */
  stimulus: unknown;
  /** Called once, with the game's events, when the last table, round, trial, letter or problem is done. */
  onFinish: (events: unknown) => void;
  /** The events are being sent. */
  busy?: boolean;
}

type Parsed =
  | { type: 'schulte'; stimulus: SchulteStimulus }
  | { type: 'sequence'; stimulus: SequenceStimulus }
  | { type: 'rotation'; stimulus: RotationStimulus }
  | { type: 'stroop'; stimulus: StroopStimulus }
  | { type: 'nback'; stimulus: NbackStimulus }
  | { type: 'tower'; stimulus: TowerStimulus }
  | null;

function parseStimulus(type: GameType, stimulus: unknown): Parsed {
  switch (type) {
    case 'schulte': {
      const parsed = schulteStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
    case 'sequence': {
      const parsed = sequenceStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
    case 'rotation': {
      const parsed = rotationStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
    case 'stroop': {
      const parsed = stroopStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
    case 'nback': {
      const parsed = nbackStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
    case 'tower': {
      const parsed = towerStimulusSchema.safeParse(stimulus);
      return parsed.success ? { type, stimulus: parsed.data } : null;
    }
  }
}

/** Plays one game from its start screen to the end; scoring is the server's. */
export function GamePlayer({ type, stimulus, onFinish, busy }: GamePlayerProps) {
  // Parsed once per stimulus: the games hold on to its sequences and timing, a fresh copy on every render would restart a round.
  const parsed = useMemo(() => parseStimulus(type, stimulus), [type, stimulus]);
  if (!parsed) {
    return (
      <Alert color="red" title="Игра не открылась" role="alert">
        Задание для игры пришло в неверном виде. Обнови страницу; если не поможет, попробуй позже.
      </Alert>
    );
  }
  switch (parsed.type) {
    case 'schulte':
      return <SchulteGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
    case 'sequence':
      return <SequenceGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
    case 'rotation':
      return <RotationGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
    case 'stroop':
      return <StroopGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
    case 'nback':
      return <NbackGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
    case 'tower':
      return <TowerGame stimulus={parsed.stimulus} onFinish={onFinish} busy={busy} />;
  }
}

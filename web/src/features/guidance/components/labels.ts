import type { Confidence } from '@common/guidance.js';

/** The two families' forms of address (docs/voice.md): the pupil reads «ты», a parent «вы». */
export type Viewer = 'pupil' | 'parent';

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  none: 'данных пока нет',
  low: 'низкая',
  medium: 'средняя',
  high: 'высокая',
};

export const CONFIDENCE_COLORS: Record<Confidence, string> = {
  none: 'gray',
  low: 'orange',
  medium: 'blue',
  high: 'green',
};

/** One scale's result in an attempt, as stored and shown. */
export interface ScaleResult {
  id: string;
  title: string;
  raw: number;
  /** 0–100: from the norms when the scale has them, otherwise the share of the possible range. */
  score: number;
  norm: { kind: 'sten' | 'percentile'; value: number } | null;
  level: { title: string; text: string };
}

import { GRADE_BAND_LABELS, type GradeBand } from '@common/diagnostics/dimensions.js';
import type { TestStatus, VersionStatus } from './api/workbench-api';

export const TEST_STATUS: Record<TestStatus, { label: string; color: string }> = {
  draft: { label: 'Черновик', color: 'gray' },
  published: { label: 'Опубликован', color: 'green' },
  retired: { label: 'Снят', color: 'orange' },
};

export const VERSION_STATUS: Record<VersionStatus, { label: string; color: string }> = {
  draft: { label: 'Черновик', color: 'gray' },
  published: { label: 'Опубликована', color: 'green' },
  superseded: { label: 'Заменена', color: 'blue' },
};

/** "6–7, 8–9 классы": the bands a test is written for, in one short line. */
export function gradeBandsLabel(bands: readonly GradeBand[]): string {
  if (bands.length === 0) return '—';
  if (bands.length === 1) return GRADE_BAND_LABELS[bands[0]!];
  return `${bands.map((b) => GRADE_BAND_LABELS[b].replace(' классы', '')).join(', ')} классы`;
}

/** Statistics read with a decimal comma, as Russian readers expect: 0,72. */
export function formatDecimal(value: number, digits = 2): string {
  return value.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

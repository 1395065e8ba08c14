import { describe, expect, it } from 'vitest';
import { figuresOf, metricValue, ZERO } from './figures.js';

describe('KPI figures', () => {
  it('divides only where there is a denominator', () => {
    expect(metricValue('fill_rate', { ...ZERO, seats_offered: 40, seats_filled: 30 })).toBe(0.75);
    expect(metricValue('fill_rate', ZERO)).toBeNull();
    expect(metricValue('tests_per_pupil', { ...ZERO, attempts: 5, tested: 2 })).toBe(2.5);
    expect(metricValue('guidance_hours', { ...ZERO, guidance_minutes: 180, guidance_pupils: 2 })).toBe(1.5);
  });

  it('judges a ceiling for no-shows and a floor for the rest', () => {
    const [noShow, enrolled] = figuresOf(
      ['no_show_rate', 'pupils_enrolled'],
      { ...ZERO, marks: 10, absences: 1, enrolled: 50 },
      new Map([
        ['no_show_rate', 0.2],
        ['pupils_enrolled', 100],
      ]),
    );
    expect(noShow).toMatchObject({ value: 0.1, status: 'met' });
    expect(enrolled).toMatchObject({ value: 50, target: 100, progress: 0.5, status: 'behind' });
  });
});

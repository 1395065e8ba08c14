import { kpiFigure, type KpiMetricCode } from '@common/kpi.js';
import type { KpiFigure } from '@common/schemas/kpi.js';
import { COUNTERS, type Counters } from './refresh.repository.js';

export const ZERO: Counters = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const mean = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** Each metric from the counters summed over the period, exactly as the catalogue's formula says. */
export function metricValue(metric: KpiMetricCode, c: Counters): number | null {
  switch (metric) {
    case 'pupils_registered':
      return c.registered;
    case 'pupils_activated':
      return c.activated;
    case 'parent_linked':
      return c.parent_linked;
    case 'consent_given':
      return c.consent_given;
    case 'pupils_tested':
      return c.tested;
    case 'tests_per_pupil':
      return mean(c.attempts, c.tested);
    case 'pupils_enrolled':
      return c.enrolled;
    case 'pupils_attended':
      return c.attended;
    case 'no_show_rate':
      return share(c.absences, c.marks);
    case 'trials_held':
      return c.trials_held;
    case 'seats_offered':
      return c.seats_offered;
    case 'seats_filled':
      return c.seats_filled;
    case 'fill_rate':
      return share(c.seats_filled, c.seats_offered);
    case 'feedback_on_time':
      return share(c.feedback_on_time, c.feedback_due);
    case 'plans_published':
      return c.plans_published;
    case 'support_answered_in_sla':
      return share(c.support_in_sla, c.support_due);
    case 'guidance_hours':
      return mean(c.guidance_minutes / 60, c.guidance_pupils);
    case 'pupils_min_40h':
      return c.min_40h;
  }
}

export function figuresOf(metrics: readonly KpiMetricCode[], counters: Counters | undefined, targets: Map<string, number> | undefined): KpiFigure[] {
  return metrics.map((metric) => kpiFigure(metric, metricValue(metric, counters ?? ZERO), targets?.get(metric) ?? null));
}

/** A row's targets in its table's metric order, or null when none is set. */
export function targetsInOrder(metrics: readonly KpiMetricCode[], targets: Map<string, number> | undefined): Array<number | null> | null {
  return targets && targets.size > 0 ? metrics.map((m) => targets.get(m) ?? null) : null;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const c of COUNTERS) into[c] += more[c];
  return into;
}

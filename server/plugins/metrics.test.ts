import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT_DIR } from '@server/lib/paths.js';
import { createMetrics } from './metrics.js';

/** Series Prometheus makes itself for every target; the app cannot export them. */
const PROMETHEUS_SERIES = new Set(['up']);
const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

/** Every series name the registry exports: a histogram's and a summary's come with their suffixes. */
async function exportedSeries(): Promise<Set<string>> {
  const metrics = await createMetrics().registry.getMetricsAsJSON();
  const names = new Set<string>();
  for (const m of metrics) {
    names.add(m.name);
    if (String(m.type) === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m.name + s);
    if (String(m.type) === 'summary') for (const s of ['_sum', '_count']) names.add(m.name + s);
  }
  return names;
}

/**
 * The metric names of a PromQL expression: what is left after label matchers, grouping clauses,
 * range selectors, strings and function calls are taken out. Enough for the expressions we write.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const match of bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*(?=\s*(\(?))/g)) {
    if (match[1] === '(') continue;
    const word = match[0];
    if (PROMQL_WORDS.has(word.toLowerCase()) || /^\d/.test(word)) continue;
    names.push(word);
  }
  return names;
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'deploy/grafana/bilet-dashboard.json'), 'utf8')) as {
    panels: Array<{ type: string; targets?: Array<{ expr: string }> }>;
  };
  return dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
}

function alertExpressions(): string[] {
  const rules = YAML.parse(fs.readFileSync(path.join(ROOT_DIR, 'deploy/prometheus/alerts.yaml'), 'utf8')) as {
    groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for?: string }> }>;
  };
  return rules.groups.flatMap((g) => g.rules.map((r) => r.expr));
}

describe('the metrics the dashboard and the alert rules read', () => {
  it('finds the names in PromQL and leaves out functions, labels and grouping', () => {
    expect(
      metricNames('sum by (instance, pool) (a_total{state="total"} - ignoring(state) b{x="y"}) / sum(rate(c_bucket{job="$job"}[$__rate_interval])) > 0.9'),
    ).toEqual(['a_total', 'b', 'c_bucket']);
    expect(metricNames('histogram_quantile(0.99, sum by (le, route) (rate(h_bucket[5m]))) and on (route) up == 0')).toEqual(['h_bucket', 'up']);
  });

  it('names only series the app registers (or Prometheus makes), in every panel and rule', async () => {
    const exported = await exportedSeries();
    const expressions = [...dashboardExpressions(), ...alertExpressions()];
    expect(expressions.length).toBeGreaterThan(20);
    const unknown = expressions.flatMap((e) => metricNames(e).filter((n) => !exported.has(n) && !PROMETHEUS_SERIES.has(n)).map((n) => `${n} in ${e}`));
    expect(unknown).toEqual([]);
  });

  it('shows every business event, the pools and the job queue on the dashboard', async () => {
    const shown = new Set(dashboardExpressions().flatMap(metricNames));
    const ours = [...(await exportedSeries())].filter((n) => n.startsWith('bilet_'));
    expect(ours.filter((n) => !shown.has(n))).toEqual([]);
    for (const name of ['http_request_duration_seconds_bucket', 'http_request_errors_total', 'nodejs_eventloop_lag_p99_seconds']) expect(shown).toContain(name);
  });

  it('alerts on errors, latency, a lost instance, the job backlog and the database pools', () => {
    const used = new Set(alertExpressions().flatMap(metricNames));
    for (const name of ['http_request_errors_total', 'http_request_duration_seconds_bucket', 'up', 'bilet_jobs_oldest_due_seconds', 'bilet_db_pool_connections']) {
      expect(used).toContain(name);
    }
  });
});

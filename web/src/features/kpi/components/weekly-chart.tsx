import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Box, NativeSelect, Stack, Table, VisuallyHidden } from '@mantine/core';
import { weeklyMetrics, type KpiMetricCode } from '@common/kpi.js';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import { formatDate } from '@web/lib/format';
import { formatKpiValue, kpiMetric } from '@web/lib/kpi';

const weekLabel = (weekStart: string) => formatDate(weekStart).replace(/ \d{4}$/, '');

/**
 * Week by week, one figure at a time (ten lines in one picture read as none). The picture is
 * hidden from screen readers, which read every figure of every week from the table instead.
 */
export function WeeklyChart({ weekly }: { weekly: KpiDashboard['weekly'] }) {
  const metrics = weeklyMetrics(weekly);
  const [chosen, setChosen] = useState<KpiMetricCode | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : metrics[0];
  if (!metric) return null;
  const data = weekly.map((w) => ({ week: weekLabel(w.weekStart), value: w.values[metric] ?? 0 }));

  return (
    <Stack gap="sm">
      <NativeSelect
        label="Показатель на графике"
        value={metric}
        onChange={(e) => setChosen(e.currentTarget.value as KpiMetricCode)}
        data={metrics.map((code) => ({ value: code, label: kpiMetric(code).name }))}
        w={{ base: '100%', sm: 360 }}
      />
      <Box aria-hidden>
        <BarChart
          h={260}
          data={data}
          dataKey="week"
          series={[{ name: 'value', label: kpiMetric(metric).name, color: 'bilet.7' }]}
          textColor="gray.9"
          gridAxis="x"
          maxBarWidth={32}
          accessibilityLayer={false}
        />
      </Box>
      <VisuallyHidden>
        <Table>
          <caption>Показатели по неделям</caption>
          <thead>
            <tr>
              <th scope="col">Неделя с</th>
              {metrics.map((code) => (
                <th scope="col" key={code}>
                  {kpiMetric(code).name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekly.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{formatDate(w.weekStart)}</th>
                {metrics.map((code) => (
                  <td key={code}>{formatKpiValue(kpiMetric(code).unit, w.values[code] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}

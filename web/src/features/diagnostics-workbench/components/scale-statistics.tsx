import { Card, Stack, Title } from '@mantine/core';
import type { ScaleStatistic } from '@common/diagnostics/statistics.js';
import { AlphaSummary } from './alpha-summary';
import { DiscriminationChart } from './discrimination-chart';
import { ItemStatisticsTable } from './item-statistics-table';

/** One scale: its alpha, its items in a table and their discrimination as a chart. */
export function ScaleStatistics({ scale }: { scale: ScaleStatistic }) {
  const id = `scale-${scale.scaleId}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} id={id}>
          {scale.title}
        </Title>
        <AlphaSummary alpha={scale.alpha} />
        <ItemStatisticsTable scaleTitle={scale.title} items={scale.items} />
        <DiscriminationChart scaleTitle={scale.title} items={scale.items} />
      </Stack>
    </Card>
  );
}

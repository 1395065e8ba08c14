import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Box, Text } from '@mantine/core';
import type { ItemStatistic } from '@common/diagnostics/statistics.js';
import { formatDecimal } from '../labels';

/** Below this an item hardly tells apart pupils high and low on its scale. */
const WEAK_DISCRIMINATION = 0.2;

/**
 * Discrimination per item as horizontal bars, the 0,2 threshold drawn across. The same numbers
 * are in the items table, which is what screen readers are pointed to.
 */
export function DiscriminationChart({ scaleTitle, items }: { scaleTitle: string; items: ItemStatistic[] }) {
  const data = items.filter((i) => i.discrimination !== null).map((i) => ({ item: i.itemId, discrimination: i.discrimination! }));
  if (data.length === 0) return null;
  return (
    <Box component="figure" m={0}>
      <Box role="img" aria-label={`Дискриминативность заданий шкалы «${scaleTitle}»; значения — в таблице заданий`}>
        <BarChart
          h={Math.max(160, data.length * 28 + 40)}
          data={data}
          dataKey="item"
          orientation="vertical"
          series={[{ name: 'discrimination', label: 'Дискриминативность', color: 'bilet.7' }]}
          getBarColor={(value) => (value < WEAK_DISCRIMINATION ? 'red.7' : 'bilet.7')}
          referenceLines={[{ x: WEAK_DISCRIMINATION, color: 'red.9', label: 'порог 0,2' }]}
          xAxisProps={{ domain: [Math.min(0, ...data.map((d) => d.discrimination)), 1] }}
          yAxisProps={{ width: 90 }}
          valueFormatter={(value) => formatDecimal(value)}
          gridAxis="x"
        />
      </Box>
      <Text component="figcaption" size="sm" c="dimmed">
        Дискриминативность по заданиям; красным — ниже порога 0,2. Те же числа — в таблице выше.
      </Text>
    </Box>
  );
}

import '@mantine/charts/styles.css';
import { BarChart, RadarChart } from '@mantine/charts';
import { Box, Table, VisuallyHidden, em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export interface ChartScale {
  id: string;
  title: string;
  score: number;
}

/** Scores are 0–100 with decimals inside; people read whole numbers. */
export const roundScore = (score: number) => Math.round(score);

/**
 * A test's scale scores at a glance: horizontal bars, or a radar once there are five scales or
 * more and the screen is wide enough for the radar's labels (on a phone they would be cut off).
 * The picture is hidden from screen readers, which read the same numbers as a table.
 */
export function ScaleChart({ scales, caption }: { scales: ChartScale[]; caption: string }) {
  const data = scales.map((s) => ({ scale: s.title, score: roundScore(s.score) }));
  const wide = useMediaQuery(`(min-width: ${em(768)})`);
  return (
    <>
      <Box aria-hidden>
        {scales.length >= 5 && wide ? (
          <RadarChart
            h={320}
            data={data}
            dataKey="scale"
            series={[{ name: 'score', label: 'Балл', color: 'bilet.7', opacity: 0.3 }]}
            withPolarRadiusAxis
            // Between the first two spokes, so the numbers do not cover the top label.
            polarRadiusAxisProps={{ domain: [0, 100], tickCount: 5, angle: 90 - 180 / scales.length }}
            polarAngleAxisProps={{ tick: { fontSize: 12, fill: 'var(--mantine-color-gray-9)' } }}
            textColor="gray.9"
            accessibilityLayer={false}
          />
        ) : (
          <BarChart
            h={Math.max(140, scales.length * 56 + 40)}
            data={data}
            dataKey="scale"
            orientation="vertical"
            series={[{ name: 'score', label: 'Балл', color: 'bilet.7' }]}
            xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
            yAxisProps={{ width: 130, tick: { fontSize: 12 } }}
            textColor="gray.9"
            gridAxis="x"
            withBarValueLabel
            maxBarWidth={28}
            accessibilityLayer={false}
          />
        )}
      </Box>
      <VisuallyHidden>
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Шкала</th>
              <th scope="col">Балл из 100</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr key={scales[i]!.id}>
                <th scope="row">{row.scale}</th>
                <td>{row.score}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}

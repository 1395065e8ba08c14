import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { formatDate } from '@web/lib/format';
import type { ResultDetail } from '../api/diagnostics-api';
import { roundScore } from './scale-chart';

/** "05.01.2025": four columns must fit a phone. */
const formatShortDate = (value: string) => dayjs(value).locale('ru').format('DD.MM.YYYY');

function change(before: number | null, after: number | null): string {
  if (before === null || after === null) return '—';
  const d = after - before;
  if (d === 0) return 'без изменений';
  return d > 0 ? `+${d}` : `−${Math.abs(d)}`;
}

/** A score with its level under it, narrow enough for four columns on a phone. */
function Score({ value, level }: { value: number | null; level: string }) {
  if (value === null) return '—';
  return (
    <>
      <Text span fw={700} display="block">
        {value}
      </Text>
      <Text span size="xs" display="block">
        {level}
      </Text>
    </>
  );
}

/**
 * Two attempts of one test side by side, the earlier first: grouped bars, and a table with each
 * scale's change that says the same in numbers (the chart itself is hidden from screen readers).
 */
export function ResultCompare({ first, second }: { first: ResultDetail; second: ResultDetail }) {
  const [earlier, later] = first.completedAt <= second.completedAt ? [first, second] : [second, first];
  const earlierLabel = `Раньше: ${formatDate(earlier.completedAt)}`;
  const laterLabel = `Позже: ${formatDate(later.completedAt)}`;
  const earlierShort = `Раньше: ${formatShortDate(earlier.completedAt)}`;
  const laterShort = `Позже: ${formatShortDate(later.completedAt)}`;
  const ids = [...new Set([...earlier.scales.map((s) => s.id), ...later.scales.map((s) => s.id)])];
  const rows = ids.map((id) => {
    const a = earlier.scales.find((s) => s.id === id);
    const b = later.scales.find((s) => s.id === id);
    return {
      id,
      title: (b ?? a)!.title,
      before: a ? roundScore(a.score) : null,
      after: b ? roundScore(b.score) : null,
      levelBefore: a?.level.title ?? '—',
      levelAfter: b?.level.title ?? '—',
    };
  });

  return (
    <Stack gap="md">
      <Box aria-hidden>
        <BarChart
          h={Math.max(160, rows.length * 72 + 60)}
          data={rows.map((r) => ({ scale: r.title, earlier: r.before, later: r.after }))}
          dataKey="scale"
          orientation="vertical"
          series={[
            { name: 'earlier', label: earlierLabel, color: 'gray.6' },
            { name: 'later', label: laterLabel, color: 'bilet.7' },
          ]}
          xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
          yAxisProps={{ width: 130, tick: { fontSize: 12 } }}
          textColor="gray.9"
          gridAxis="x"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          maxBarWidth={22}
          accessibilityLayer={false}
        />
      </Box>
      <Table visibleFrom="sm" striped withTableBorder captionSide="top" fz="sm" verticalSpacing="xs" horizontalSpacing="xs">
        <Table.Caption>{`${later.title}: баллы от 0 до 100 в двух попытках`}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Шкала</Table.Th>
            <Table.Th scope="col">{earlierShort}</Table.Th>
            <Table.Th scope="col">{laterShort}</Table.Th>
            <Table.Th scope="col">Изменение</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">{r.title}</Table.Th>
              <Table.Td>
                <Score value={r.before} level={r.levelBefore} />
              </Table.Td>
              <Table.Td>
                <Score value={r.after} level={r.levelAfter} />
              </Table.Td>
              <Table.Td fw={600}>{change(r.before, r.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {/* On a phone four columns do not fit: the same figures as a list, one scale per line. */}
      <Stack gap="xs" component="ul" m={0} p={0} hiddenFrom="sm" style={{ listStyle: 'none' }} aria-label={`${later.title}: баллы от 0 до 100 в двух попытках`}>
        {rows.map((r) => (
          <Stack gap={0} component="li" key={r.id} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={700}>{r.title}</Text>
            <Text size="sm">{`${earlierShort} — ${r.before ?? '—'}${r.before === null ? '' : ` (${r.levelBefore})`}`}</Text>
            <Text size="sm">{`${laterShort} — ${r.after ?? '—'}${r.after === null ? '' : ` (${r.levelAfter})`}`}</Text>
            <Text size="sm" fw={600}>{`Изменение: ${change(r.before, r.after)}`}</Text>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

import { Group, Progress, Stack, Text } from '@mantine/core';

export interface KpiRow {
  metric: string;
  label: string;
  target: number | null;
  reached: number | null;
}

const share = (row: KpiRow) => (row.target && row.reached !== null ? Math.min(100, Math.round((row.reached / row.target) * 100)) : 0);

function caption(row: KpiRow): string {
  const target = row.target === null ? 'цель не задана' : `цель ${row.target}`;
  if (row.reached === null) return `${target}, пока не считается`;
  if (row.target === null) return `${row.reached}, ${target}`;
  return `${row.reached} из ${row.target} (${share(row)}%)`;
}

/**
 * Each KPI as a bar of what is reached against its target, with the numbers in words beside it,
 * so the chart reads the same to a screen reader and on a narrow phone.
 */
export function KpiChart({ rows }: { rows: KpiRow[] }) {
  return (
    <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Stack gap={4} component="li" key={row.metric}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600}>{row.label}</Text>
            <Text size="sm">{caption(row)}</Text>
          </Group>
          <Progress
            value={share(row)}
            size="lg"
            color={share(row) >= 100 ? 'green.9' : 'bilet.7'}
            aria-label={`${row.label}: ${caption(row)}`}
          />
        </Stack>
      ))}
    </Stack>
  );
}

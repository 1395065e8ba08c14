import { useState } from 'react';
import { ActionIcon, Card, Group, Popover, Progress, Stack, Text } from '@mantine/core';
import { lowerIsBetter } from '@common/kpi.js';
import type { KpiFigure } from '@common/schemas/kpi.js';
import { KPI_STATUS, formatKpiValue, kpiMetric } from '../kpi';
import { StatusBadge } from './status-badge';

/** The target in words: for a figure where lower is better it is a ceiling. */
export function targetText(figure: KpiFigure): string {
  const metric = kpiMetric(figure.metric);
  if (figure.target === null) return 'Цель не задана';
  const target = formatKpiValue(metric.unit, figure.target);
  return lowerIsBetter(figure.metric) ? `Цель: не больше ${target}` : `Цель: ${target}`;
}

/** One figure in a sentence, for a progress bar's name and a screen reader. */
export function figureSummary(figure: KpiFigure): string {
  const metric = kpiMetric(figure.metric);
  const value = formatKpiValue(metric.unit, figure.value);
  if (figure.status === 'none') return `${metric.name}: ${value}, ${targetText(figure).toLowerCase()}`;
  return `${metric.name}: ${value}, ${targetText(figure).toLowerCase()}, ${KPI_STATUS[figure.status].label}`;
}

export function KpiStatusBadge({ figure }: { figure: KpiFigure }) {
  if (figure.status === 'none') return null;
  return <StatusBadge label={KPI_STATUS[figure.status].label} color={KPI_STATUS[figure.status].color} />;
}

/**
 * What a figure means, behind a button: a click, Enter or Space opens it and Escape closes it,
 * giving focus back to the button.
 */
export function KpiDefinition({ figure }: { figure: Pick<KpiFigure, 'metric'> }) {
  const metric = kpiMetric(figure.metric);
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={300} position="bottom-end" withArrow shadow="md" returnFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray.9"
          size="lg"
          radius="xl"
          aria-label={`Что значит «${metric.name}»`}
          onClick={() => setOpened((o) => !o)}
          // Focus stays on the button, where the dropdown's own Escape handling does not reach.
          onKeyDown={(e) => e.key === 'Escape' && setOpened(false)}
        >
          <Text component="span" fw={700} aria-hidden>
            ?
          </Text>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label={metric.name}>
        <Stack gap={6}>
          <Text size="sm" fw={700}>
            {metric.name}
          </Text>
          <Text size="sm">{metric.definition}</Text>
          <Text size="xs" c="gray.8">{`Как считается: ${metric.formula}`}</Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A figure as a card: its value, the target, a bar coloured by status and the status in words. */
export function KpiFigureCard({ figure }: { figure: KpiFigure }) {
  const metric = kpiMetric(figure.metric);
  const percent = figure.progress === null ? 0 : Math.round(figure.progress * 100);
  return (
    <Card withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} component="h3" m={0} fz="md">
            {metric.name}
          </Text>
          <KpiDefinition figure={figure} />
        </Group>
        <Text fz={28} fw={700} lh={1.1}>
          {formatKpiValue(metric.unit, figure.value)}
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">{targetText(figure)}</Text>
          <KpiStatusBadge figure={figure} />
        </Group>
        {figure.progress !== null && (
          <Progress value={percent} size="md" color={KPI_STATUS[figure.status].bar} aria-label={figureSummary(figure)} />
        )}
      </Stack>
    </Card>
  );
}

import '@mantine/charts/styles.css';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { LineChart } from '@mantine/charts';
import { Alert, Box, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { DIRECTION_LABELS, FOOTPRINT_DIRECTIONS, type FootprintDirection } from '@common/diagnostics/dimensions.js';
import { formatDateTime, plural } from '@web/lib/format';
import type { Footprint, FootprintDimension } from '../api/diagnostics-api';

/** Colours dark enough against white, told apart by dashes too for those who do not see colours. */
const LINE_STYLE: Record<FootprintDirection, { color: string; strokeDasharray?: string }> = {
  personal: { color: 'grape.8' },
  skills: { color: 'teal.9', strokeDasharray: '6 4' },
  interests: { color: 'orange.9', strokeDasharray: '2 3' },
  awareness: { color: 'bilet.7', strokeDasharray: '10 3 2 3' },
};

const sourcesText = (n: number) => `источников: ${n}`;

function DimensionBar({ dimension }: { dimension: FootprintDimension }) {
  return (
    <Stack gap={2} component="li">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {dimension.name}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {dimension.value}
        </Text>
      </Group>
      <Progress value={dimension.value} size="md" color="bilet.7" aria-label={`${dimension.name}: ${dimension.value} из 100, ${sourcesText(dimension.sources)}`} />
      <Text size="xs" c="gray.7">
        {sourcesText(dimension.sources)}
      </Text>
    </Stack>
  );
}

function DirectionCard({ direction }: { direction: Footprint['directions'][number] }) {
  const titleId = `direction-${direction.key}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} id={titleId} fz="lg">
          {direction.label}
        </Title>
        {direction.value === null ? (
          <Text c="gray.7">Пока нет данных</Text>
        ) : (
          <Text>
            В среднем:{' '}
            <Text span fw={700} fz="xl">
              {direction.value}
            </Text>{' '}
            из 100
          </Text>
        )}
        {direction.dimensions.length > 0 && (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {direction.dimensions.map((d) => (
              <DimensionBar key={d.key} dimension={d} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function History({ history }: { history: Footprint['history'] }) {
  const data = history.map((h) => ({ date: dayjs(h.recordedAt).locale('ru').format('D MMM'), ...h.directions }));
  return (
    <Stack gap="sm" component="section" aria-labelledby="footprint-history-title">
      <Title order={2} id="footprint-history-title">
        Как менялся след
      </Title>
      <Text size="sm">Средний балл каждого направления после каждого пройденного теста или игры, от 0 до 100.</Text>
      <Box aria-hidden>
        <LineChart
          h={280}
          data={data}
          dataKey="date"
          series={FOOTPRINT_DIRECTIONS.map((d) => ({ name: d, label: DIRECTION_LABELS[d], ...LINE_STYLE[d] }))}
          yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 32 }}
          textColor="gray.9"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 80 }}
          curveType="linear"
          accessibilityLayer={false}
        />
      </Box>
      <VisuallyHidden>
        <Table>
          <caption>История цифрового следа: средние баллы направлений</caption>
          <thead>
            <tr>
              <th scope="col">Когда</th>
              {FOOTPRINT_DIRECTIONS.map((d) => (
                <th scope="col" key={d}>
                  {DIRECTION_LABELS[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.recordedAt}>
                <th scope="row">{formatDateTime(h.recordedAt)}</th>
                {FOOTPRINT_DIRECTIONS.map((d) => (
                  <td key={d}>{h.directions[d] ?? 'нет данных'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}

interface Props {
  footprint: Footprint;
  /** What to say while nothing has been measured yet. */
  empty: ReactNode;
}

/**
 * A pupil's digital footprint: the awareness level, the four directions with each dimension as
 * a bar and how many sources it rests on, and how the direction means moved over time.
 */
export function FootprintView({ footprint, empty }: Props) {
  if (footprint.sources === 0) {
    return (
      <Alert color="blue" title="Цифровой след пока пуст" role="status">
        {empty}
      </Alert>
    );
  }
  const level = footprint.awarenessLevel;
  return (
    <Stack gap="xl">
      <Text>{`След собран из ${footprint.sources} ${plural(footprint.sources, ['источника', 'источников', 'источников'])}: пройденных тестов и игр. Баллы — от 0 до 100.`}</Text>
      {level && (
        <Card withBorder padding="lg" bg="bilet.0" component="section" aria-labelledby="awareness-level-title">
          <Stack gap="xs">
            <Title order={2} id="awareness-level-title" fz="h3">
              {`Уровень осведомлённости: ${level.name}`}
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{level.text}</Text>
          </Stack>
        </Card>
      )}
      <Stack gap="md" component="section" aria-labelledby="footprint-directions-title">
        <Title order={2} id="footprint-directions-title">
          Четыре направления
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {footprint.directions.map((d) => (
            <DirectionCard key={d.key} direction={d} />
          ))}
        </SimpleGrid>
      </Stack>
      {footprint.history.length > 1 && <History history={footprint.history} />}
    </Stack>
  );
}

import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, plural } from '@web/lib/format';
import type { BandNorms } from '../api/workbench-api';

const SOURCE: Record<BandNorms['source'], { label: string; color: string }> = {
  platform: { label: 'По данным платформы', color: 'green' },
  provisional: { label: 'Предварительные (экспертные)', color: 'orange' },
  none: { label: 'Нет норм: доля от диапазона баллов', color: 'gray' },
};

function attempts(n: number): string {
  return `${n} ${plural(n, ['первое прохождение', 'первых прохождения', 'первых прохождений'])}`;
}

function note(band: BandNorms, needed: number): string {
  if (band.source === 'platform') return `Посчитаны ${formatDate(band.computedAt!)}, выборка — ${attempts(band.sampleSize!)}; сейчас ${band.firstAttempts}.`;
  return `Нормы платформы появятся, когда в параллели наберётся ${attempts(needed)}; сейчас ${band.firstAttempts}.`;
}

/** Per grade band: the norms results are scored on now, and how far the band is from norms of its own. */
export function NormsSummary({ norms, needed }: { norms: readonly BandNorms[]; needed: number }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="norms-by-band">
        Нормы по параллелям
      </Title>
      <Text size="sm">
        Каждую ночь нормы пересчитываются по первым прохождениям версии, когда в параллели их набралось достаточно или стало на четверть больше. Уже выданные результаты
        не меняются: новые нормы применяются к следующим прохождениям.
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-labelledby="norms-by-band">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Параллель</Table.Th>
              <Table.Th scope="col">Нормы</Table.Th>
              <Table.Th scope="col">Подробности</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {norms.map((band) => (
              <Table.Tr key={band.gradeBand}>
                <Table.Th scope="row">{band.gradeBand} классы</Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={SOURCE[band.source].color} variant="light">
                      {SOURCE[band.source].label}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>{note(band, needed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

import { useId } from 'react';
import { Link } from 'react-router';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FEDERAL_DISTRICTS, rowFigures, type FederalDistrict } from '@common/kpi.js';
import type { KpiChildRow, KpiChildTable } from '@common/schemas/kpi.js';
import { StatusBadge } from '@web/lib/components/status-badge';
import { KPI_STATUS, kpiPagePath, worstStatus } from '@web/lib/kpi';

const DISTRICTS = Object.keys(FEDERAL_DISTRICTS) as FederalDistrict[];

/**
 * The issuer's map of the country as a grid of the eight federal districts: each lists its
 * regions with the region's worst status in words, so a lagging district stands out at a glance.
 */
export function DistrictGrid({ table }: { table: KpiChildTable }) {
  const titleId = useId();
  const byDistrict = new Map<FederalDistrict, KpiChildRow[]>(DISTRICTS.map((d) => [d, []]));
  for (const row of table.rows) if (row.district) byDistrict.get(row.district)?.push(row);
  const statusOf = (row: KpiChildRow) => worstStatus(rowFigures(table.metrics, row).map((f) => f.status));

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={2} id={titleId}>
        Федеральные округа
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {DISTRICTS.map((district) => {
          const regions = byDistrict.get(district) ?? [];
          const lagging = regions.filter((r) => statusOf(r) === 'behind').length;
          return (
            <Card withBorder padding="sm" component="li" key={district}>
              <Stack gap="xs">
                <Title order={3} fz="md">
                  {`${FEDERAL_DISTRICTS[district]} федеральный округ`}
                </Title>
                <Text size="sm">{regions.length === 0 ? 'Регионов в таблице нет' : `Регионов: ${regions.length}, отстают: ${lagging}`}</Text>
                {regions.length > 0 && (
                  <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {regions.map((row) => {
                      const status = statusOf(row);
                      return (
                        <Group component="li" key={row.ref?.id ?? row.note} justify="space-between" gap="xs" wrap="nowrap">
                          {row.ref ? (
                            <Anchor component={Link} to={kpiPagePath(row.ref)} size="sm">
                              {row.ref.name}
                            </Anchor>
                          ) : (
                            <Text size="sm">{row.note}</Text>
                          )}
                          <StatusBadge label={KPI_STATUS[status].label} color={KPI_STATUS[status].color} />
                        </Group>
                      );
                    })}
                  </Stack>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

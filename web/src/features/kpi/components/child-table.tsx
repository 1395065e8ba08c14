import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { KPI_COUNT_HEADERS, KPI_ROW_HEADERS, kpiRowName, rowFigures, type KpiMetricCode } from '@common/kpi.js';
import type { KpiChildRow, KpiChildTable, KpiFigure } from '@common/schemas/kpi.js';
import { errorMessage } from '@web/lib/api-client';
import { KpiDefinition, KpiStatusBadge } from '@web/lib/components/kpi-figure';
import { FormAlert } from '@web/lib/components/page';
import { plural } from '@web/lib/format';
import { formatKpiValue, kpiMetric, kpiPagePath, type KpiView } from '@web/lib/kpi';
import { fetchMoreRows } from '../api/kpi-api';
import { isTargetScope } from './targets-dialog';

/** Some tables count people behind each line (pupils at a stage). */
const rowCount = (row: KpiChildRow): number | null => row.count ?? null;

const rowNote = (row: KpiChildRow) => (row.ref ? row.note : null);
const rowKey = (row: KpiChildRow, index: number) => (row.ref ? `${row.ref.level}:${row.ref.id ?? ''}` : `${row.note ?? ''}:${index}`);

function RowName({ row }: { row: KpiChildRow }) {
  if (!row.ref) return <Text fw={600}>{kpiRowName(row)}</Text>;
  return (
    <Anchor component={Link} to={kpiPagePath(row.ref)} fw={600}>
      {row.ref.name}
    </Anchor>
  );
}

/** On a phone card the figure sits at the right edge, beside its name. */
function FigureCell({ figure, end = false }: { figure: KpiFigure; end?: boolean }) {
  const metric = kpiMetric(figure.metric);
  return (
    <Stack gap={2} align={end ? 'flex-end' : 'flex-start'}>
      <Text>{formatKpiValue(metric.unit, figure.value)}</Text>
      {figure.target !== null && <Text size="xs" c="gray.8">{`цель ${formatKpiValue(metric.unit, figure.target)}`}</Text>}
      <KpiStatusBadge figure={figure} />
    </Stack>
  );
}

interface Props {
  table: KpiChildTable;
  view: KpiView;
  onEditTargets: (row: KpiChildRow, metrics: KpiMetricCode[]) => void;
}

/**
 * A drill-down table: rows open their own dashboards, «Показать ещё» fetches the next rows by the
 * server's cursor, and on a phone each row becomes a card, since the columns do not fit 360 px.
 */
export function ChildTable({ table, view, onEditTargets }: Props) {
  const titleId = useId();
  const phone = useMediaQuery('(max-width: 48em)');
  const [more, setMore] = useState<{ rows: KpiChildRow[]; cursor: string | null }>({ rows: [], cursor: table.nextCursor });
  // Rows fetched beyond the first page go stale once the table itself changes (targets saved): start over from it.
  const [shown, setShown] = useState(table);
  if (shown !== table) {
    setShown(table);
    setMore({ rows: [], cursor: table.nextCursor });
  }
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = [...table.rows, ...more.rows];
  const withCount = rows.some((r) => rowCount(r) !== null);
  const editable = table.targetsEditable && rows.some((r) => isTargetScope(r.ref));
  const nameColumn = KPI_ROW_HEADERS[table.kind];
  const countColumn = KPI_COUNT_HEADERS[table.kind] ?? 'Количество';

  const loadMore = async () => {
    if (!more.cursor) return;
    setLoading(true);
    setFailure(null);
    try {
      const next = await fetchMoreRows(view, more.cursor);
      const page = next.children.find((t) => t.kind === table.kind);
      setMore((prev) => ({ rows: [...prev.rows, ...(page?.rows ?? [])], cursor: page?.nextCursor ?? null }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  const targetsButton = (row: KpiChildRow) =>
    isTargetScope(row.ref) ? (
      <Button variant="subtle" size="compact-sm" onClick={() => onEditTargets(row, table.metrics)} aria-label={`Цели: ${row.ref.name}`}>
        Цели
      </Button>
    ) : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={2} id={titleId}>
        {table.title}
      </Title>
      {rows.length === 0 && <Text c="gray.8">Пока пусто.</Text>}
      {rows.length > 0 && phone && (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={titleId}>
          {rows.map((row, index) => (
            <Card withBorder padding="sm" component="li" key={rowKey(row, index)}>
              <Stack gap="xs">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={0}>
                    <RowName row={row} />
                    {rowNote(row) && <Text size="sm">{rowNote(row)}</Text>}
                  </Stack>
                  {editable && targetsButton(row)}
                </Group>
                {rowCount(row) !== null && <Text size="sm">{`${countColumn}: ${rowCount(row)}`}</Text>}
                <Stack gap={6} component="dl" m={0}>
                  {rowFigures(table.metrics, row).map((figure) => (
                    <Group key={figure.metric} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text component="dt" size="sm">
                        {kpiMetric(figure.metric).name}
                      </Text>
                      <Text component="dd" m={0} ta="right">
                        <FigureCell figure={figure} end />
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {rows.length > 0 && !phone && (
        <Table.ScrollContainer minWidth={Math.max(640, 200 + table.metrics.length * 140)}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{nameColumn}</Table.Th>
                {withCount && <Table.Th scope="col">{countColumn}</Table.Th>}
                {table.metrics.map((metric) => (
                  <Table.Th scope="col" key={metric}>
                    <Group gap={2} wrap="nowrap" align="center">
                      <span>{kpiMetric(metric).name}</span>
                      <KpiDefinition figure={{ metric }} />
                    </Group>
                  </Table.Th>
                ))}
                {editable && (
                  <Table.Th scope="col">
                    <Text fw={700} fz="sm">
                      Цели
                    </Text>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={rowKey(row, index)}>
                  <Table.Th scope="row" fw="normal">
                    <RowName row={row} />
                    {rowNote(row) && <Text size="sm">{rowNote(row)}</Text>}
                  </Table.Th>
                  {withCount && <Table.Td>{rowCount(row) ?? '—'}</Table.Td>}
                  {rowFigures(table.metrics, row).map((figure) => (
                    <Table.Td key={figure.metric}>
                      <FigureCell figure={figure} />
                    </Table.Td>
                  ))}
                  {editable && <Table.Td>{targetsButton(row)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="gray.8" aria-live="polite">
        {rows.length > 0 ? `Показано: ${rows.length} ${plural(rows.length, ['строка', 'строки', 'строк'])}${more.cursor ? ', есть ещё' : ''}` : ''}
      </Text>
      <FormAlert message={failure} />
      {more.cursor && (
        <Button variant="default" onClick={() => void loadMore()} loading={loading} style={{ alignSelf: 'flex-start' }} aria-describedby={titleId}>
          Показать ещё
        </Button>
      )}
    </Stack>
  );
}

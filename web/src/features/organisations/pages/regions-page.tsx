import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { plural } from '@web/lib/format';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useRegionsOverview, type RegionOverview } from '@web/lib/organisations';
import { formatSeason } from '@web/lib/season';

function matches(region: RegionOverview, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || region.name.toLowerCase().includes(q) || region.code === q;
}

/** All subjects of the federation at once: 89 rows are few enough to search in the browser. */
export function RegionsPage() {
  const regions = useRegionsOverview();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const [withoutCoordinator, setWithoutCoordinator] = useState(false);
  const rows = (regions.data ?? []).filter((r) => matches(r, query) && (!withoutCoordinator || r.coordinators === 0));

  return (
    <Stack gap="md">
      <PageTitle lead="Сроки сезона, города и координаторы каждого субъекта, а также сколько в нём школ, площадок и участников.">Регионы</PageTitle>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label="Найти регион"
          description="Название или код, например 43"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <Checkbox label="Только без координатора" checked={withoutCoordinator} onChange={(e) => setWithoutCoordinator(e.currentTarget.checked)} mb={6} />
      </Group>
      {regions.isPending && <PageLoader />}
      {regions.isError && <LoadError error={regions.error} onRetry={() => void regions.refetch()} />}
      {regions.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {`Показано: ${rows.length} ${plural(rows.length, ['регион', 'региона', 'регионов'])}`}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>Регионы программы</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Регион</Table.Th>
                  <Table.Th>Код</Table.Th>
                  <Table.Th>Сезон</Table.Th>
                  <Table.Th>Городов</Table.Th>
                  <Table.Th>Координаторов</Table.Th>
                  <Table.Th>Школ</Table.Th>
                  <Table.Th>Площадок</Table.Th>
                  <Table.Th>Участников</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/regions/${r.id}`} fw={600}>
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.code}</Table.Td>
                    <Table.Td>{formatSeason(r.seasonStartsOn, r.seasonEndsOn)}</Table.Td>
                    <Table.Td>{r.cities}</Table.Td>
                    <Table.Td>
                      {r.coordinators > 0 ? (
                        r.coordinators
                      ) : (
                        <Badge variant="light" color="orange" tt="none">
                          нет
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.schools}</Table.Td>
                    <Table.Td>{r.venues}</Table.Td>
                    <Table.Td>{r.pupils}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length === 0 && <Text c="dimmed">Ничего не нашлось — проверьте название или код.</Text>}
        </>
      )}
    </Stack>
  );
}

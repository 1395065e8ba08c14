import { Link, useParams } from 'react-router';
import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import type { RegionOverview } from '@web/lib/organisations';
import { useRegion } from '../api/regions-api';
import { CityList } from '../components/city-list';
import { CoordinatorList } from '../components/coordinator-list';
import { NotFound } from '../components/not-found';
import { SeasonForm } from '../components/season-form';

const COUNTS: Array<[keyof RegionOverview, string]> = [
  ['schools', 'Школ'],
  ['venues', 'Площадок'],
  ['pupils', 'Участников'],
  ['cities', 'Городов'],
  ['coordinators', 'Координаторов'],
];

function RegionSetup({ regionId }: { regionId: number }) {
  const region = useRegion(regionId);
  const session = useSession();
  if (region.isPending || !session.data) return <PageLoader />;
  if (region.isError) return <LoadError error={region.error} onRetry={() => void region.refetch()} />;
  const r = region.data;

  return (
    <Stack gap="xl">
      <PageTitle lead={`Код региона ${r.code}`}>{r.name}</PageTitle>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
        {COUNTS.map(([key, label]) => (
          <Card withBorder padding="sm" key={key}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {r[key]}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SeasonForm key={r.id} region={r} />
      {session.data.role === 'regional_coordinator' && (
        <Text>
          Контакты регионального оператора, которые семьи и школы видят в справочном центре, — в разделе{' '}
          <Anchor component={Link} to="/staff/help/contacts" underline="always">
            «Контакты для семей»
          </Anchor>
          .
        </Text>
      )}
      <CityList region={r} />
      <CoordinatorList region={r} viewer={session.data} />
    </Stack>
  );
}

/** /staff/regions/:regionId — any region for the issuer. */
export function RegionPage() {
  const regionId = Number(useParams().regionId);
  if (!Number.isInteger(regionId) || regionId <= 0) return <NotFound title="Регион не найден" back={{ to: '/staff/regions', label: 'Все регионы' }} />;
  return <RegionSetup regionId={regionId} />;
}

/** /staff/region — the coordinator's own region. */
export function OwnRegionPage() {
  const session = useSession();
  if (!session.data) return <PageLoader />;
  if (session.data.regionId === null) {
    return (
      <Stack>
        <PageTitle>Мой регион</PageTitle>
        <Text>Ваша учётная запись не привязана к региону. Напишите в поддержку, чтобы это исправить.</Text>
      </Stack>
    );
  }
  return <RegionSetup regionId={session.data.regionId} />;
}

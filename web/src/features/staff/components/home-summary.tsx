import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { KpiFigureCard } from '@web/lib/components/kpi-figure';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { freshnessText, useKpiDashboard } from '@web/lib/kpi';
import { useRegionsOverview } from '@web/lib/organisations';
import { formatSeason } from '@web/lib/season';

function Counts({ items }: { items: Array<[string, number]> }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: items.length }} spacing="sm" component="dl" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function Summary({ title, link, children }: { title: string; link: { to: string; label: string }; children: ReactNode }) {
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} id={titleId}>
          {title}
        </Title>
        {children}
        <Anchor component={Link} to={link.to}>
          {link.label}
        </Anchor>
      </Stack>
    </Card>
  );
}

/** The coordinator's region, or the issuer's whole country, in a handful of numbers. */
export function RegionSummary({ scope }: { scope: 'region' | 'country' }) {
  const regions = useRegionsOverview();
  if (regions.isPending) return <PageLoader />;
  if (regions.isError) return <LoadError error={regions.error} onRetry={() => void regions.refetch()} />;
  const rows = regions.data;
  const sum = (key: 'schools' | 'venues' | 'pupils' | 'cities') => rows.reduce((n, r) => n + r[key], 0);

  if (scope === 'country') {
    return (
      <Summary title="Программа в цифрах" link={{ to: '/staff/regions', label: 'Все регионы' }}>
        <Counts
          items={[
            ['Регионов без координатора', rows.filter((r) => r.coordinators === 0).length],
            ['Школ', sum('schools')],
            ['Площадок', sum('venues')],
            ['Участников', sum('pupils')],
          ]}
        />
      </Summary>
    );
  }
  const own = rows[0];
  if (!own) return null;
  return (
    <Summary title={own.name} link={{ to: '/staff/region', label: 'Настроить регион' }}>
      <Text>{`Сезон: ${formatSeason(own.seasonStartsOn, own.seasonEndsOn)}`}</Text>
      <Counts
        items={[
          ['Школ', own.schools],
          ['Площадок', own.venues],
          ['Участников', own.pupils],
          ['Городов', own.cities],
        ]}
      />
    </Summary>
  );
}

/** A figure with a target comes first: the home page shows how the work stands against its goals. */
const HOME_FIGURES = 4;

/** The caller's key figures for the current season, with the way to the whole dashboard. */
export function KpiHomeSummary() {
  const dashboard = useKpiDashboard({});
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const { figures, season, updatedAt, refreshSeconds } = dashboard.data;
  const key = [...figures.filter((f) => f.target !== null), ...figures.filter((f) => f.target === null)].slice(0, HOME_FIGURES);
  return (
    <Summary title="Показатели сезона" link={{ to: '/staff/kpi', label: 'Все показатели' }}>
      <Text size="sm">{`Сезон ${season.name}. ${freshnessText(updatedAt, refreshSeconds)}`}</Text>
      {figures.every((f) => f.target === null) && <Text size="sm">Цели ещё не заданы — пока видно только, сколько уже сделано.</Text>}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="ul" m={0} p={0}>
        {key.map((figure) => (
          <KpiFigureCard key={figure.metric} figure={figure} />
        ))}
      </SimpleGrid>
    </Summary>
  );
}

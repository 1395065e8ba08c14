// Only these pages use breadcrumbs: their styles load with them, not with every page (see app/mantine-styles.ts).
import '@mantine/core/styles/Breadcrumbs.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Box, Breadcrumbs, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { KPI_LEVEL_LABELS, KPI_LEVEL_OF_ROLE, rowFigures, type KpiLevel, type KpiMetricCode } from '@common/kpi.js';
import type { KpiDashboard, KpiFigure, KpiScopeRef } from '@common/schemas/kpi.js';
import { KpiFigureCard } from '@web/lib/components/kpi-figure';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { dashboardView, freshnessText, kpiDashboardUrl, kpiPagePath, useKpiDashboard, type KpiView } from '@web/lib/kpi';
import { useSession } from '@web/lib/session';
import { useKpiView } from '../api/kpi-api';
import { ChildTable } from '../components/child-table';
import { DistrictGrid } from '../components/district-grid';
import { Downloads } from '../components/downloads';
import { PeriodControls } from '../components/period-controls';
import { TargetsDialog, isTargetScope, type TargetLevel } from '../components/targets-dialog';
import { WeeklyChart } from '../components/weekly-chart';

function PathBreadcrumbs({ path, ownLevel }: { path: KpiScopeRef[]; ownLevel: KpiLevel | undefined }) {
  const ownIndex = path.findIndex((ref) => ref.level === ownLevel);
  if (path.length < 2) return null;
  return (
    <Box component="nav" aria-label="Уровни показателей" mb="xs">
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        {path.map((ref, index) => {
          if (index === path.length - 1)
            return (
              <Text key={`${ref.level}:${ref.id ?? ''}`} size="sm" aria-current="page">
                {ref.name}
              </Text>
            );
          if (ownIndex === -1 || index < ownIndex)
            return (
              <Text key={`${ref.level}:${ref.id ?? ''}`} size="sm" c="gray.8">
                {ref.name}
              </Text>
            );
          return (
            <Anchor key={`${ref.level}:${ref.id ?? ''}`} component={Link} to={index === ownIndex ? '/staff/kpi' : kpiPagePath(ref)} size="sm">
              {ref.name}
            </Anchor>
          );
        })}
      </Breadcrumbs>
    </Box>
  );
}

interface TargetsTarget {
  scope: KpiScopeRef & { level: TargetLevel; id: string };
  figures: KpiFigure[];
}

interface DashboardProps {
  dashboard: KpiDashboard;
  view: KpiView;
  setPeriod: (change: Pick<KpiView, 'season' | 'from' | 'to'>) => void;
  ownLevel: KpiLevel | undefined;
  /** The figures on screen are the previous ones while the next scope or period loads. */
  updating: boolean;
}

function Dashboard({ dashboard, view, setPeriod, ownLevel, updating }: DashboardProps) {
  const [editing, setEditing] = useState<TargetsTarget | null>(null);
  const { scope, season } = dashboard;
  const ownTargets = dashboard.targetsEditable && isTargetScope(scope) ? scope : null;
  // The next rows must come for exactly this scope, season and period.
  const tableView = dashboardView(dashboard);
  const regions = scope.level === 'federal' ? dashboard.children.find((t) => t.kind === 'regions') : undefined;

  return (
    <Stack gap="lg" aria-busy={updating}>
      <div>
        <PathBreadcrumbs path={dashboard.path} ownLevel={ownLevel} />
        <PageTitle lead={`${KPI_LEVEL_LABELS[scope.level]} · сезон ${season.name}, ${formatDate(dashboard.period.from)} — ${formatDate(dashboard.period.to)}`}>
          {`Показатели: ${scope.name}`}
        </PageTitle>
        <Text size="sm" role="status">
          {updating ? 'Загружаем показатели…' : freshnessText(dashboard.updatedAt, dashboard.refreshSeconds)}
        </Text>
      </div>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <PeriodControls key={`${season.id}:${dashboard.period.from}:${dashboard.period.to}`} dashboard={dashboard} view={view} onChange={setPeriod} />
        <Group gap="sm">
          {ownTargets && (
            <Button onClick={() => setEditing({ scope: ownTargets, figures: dashboard.figures })}>Изменить цели</Button>
          )}
          <Downloads dashboard={dashboard} />
        </Group>
      </Group>

      <Stack gap="sm" component="section" aria-labelledby="kpi-figures-title">
        <Title order={2} id="kpi-figures-title">
          Показатели за период
        </Title>
        {dashboard.figures.length === 0 ? (
          <Text>Для этого уровня показателей нет.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" m={0} p={0}>
            {dashboard.figures.map((figure) => (
              <KpiFigureCard key={figure.metric} figure={figure} />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      {dashboard.weekly.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="kpi-weekly-title">
          <Title order={2} id="kpi-weekly-title">
            По неделям
          </Title>
          <WeeklyChart weekly={dashboard.weekly} />
        </Stack>
      )}

      {regions && <DistrictGrid table={regions} />}

      {dashboard.children.map((table) => (
        <ChildTable
          key={`${kpiDashboardUrl(tableView)}:${table.kind}`}
          table={table}
          view={tableView}
          onEditTargets={(row, metrics: KpiMetricCode[]) => {
            if (isTargetScope(row.ref)) setEditing({ scope: row.ref, figures: rowFigures(metrics, row) });
          }}
        />
      ))}

      {editing && (
        <TargetsDialog opened scope={editing.scope} season={season} figures={editing.figures} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

/** /staff/kpi is the caller's own scope; /staff/kpi/:level/:id drills down into one below it. */
export function KpiPage() {
  const session = useSession();
  const { view, setPeriod } = useKpiView();
  const dashboard = useKpiDashboard(view);
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  return (
    <Dashboard
      dashboard={dashboard.data}
      view={view}
      setPeriod={setPeriod}
      ownLevel={session.data ? KPI_LEVEL_OF_ROLE[session.data.role] : undefined}
      updating={dashboard.isPlaceholderData && dashboard.isFetching}
    />
  );
}

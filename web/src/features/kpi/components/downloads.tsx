import { useId } from 'react';
import { Anchor, Button, Group, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { KpiDashboard, KpiExportFormat, KpiTable } from '@common/schemas/kpi.js';
import { dashboardView, kpiExportHref, kpiReportHref } from '@web/lib/kpi';

const FORMATS: Array<[KpiExportFormat, string]> = [
  ['xlsx', 'XLSX'],
  ['csv', 'CSV'],
  ['csv-1251', 'CSV (Windows-1251)'],
];

/** What each exported table is called on the page and in the menu. */
export function tableLabels(dashboard: KpiDashboard): Array<[KpiTable, string]> {
  const tables: Array<[KpiTable, string]> = [['figures', 'Показатели']];
  if (dashboard.weekly.length > 0) tables.push(['weekly', 'По неделям']);
  if (dashboard.children.length > 0) tables.push(['children', dashboard.children.map((t) => t.title).join(', ')]);
  return tables;
}

/**
 * Every table in every format as a plain link: the browser downloads the file itself, with the
 * session cookie, and a file for old Excel comes in Windows-1251. A region and a school also get
 * the season report. A popover of links rather than an ARIA menu: they are links, and read as such.
 */
export function Downloads({ dashboard }: { dashboard: KpiDashboard }) {
  const titleId = useId();
  // The files describe exactly what the page shows.
  const view = dashboardView(dashboard);
  const withReport = dashboard.scope.level === 'region' || dashboard.scope.level === 'school';
  return (
    <Popover position="bottom-end" width={320} withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default">Скачать</Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId}>
        <Stack gap="sm">
          <VisuallyHidden id={titleId}>Скачать таблицы</VisuallyHidden>
          {tableLabels(dashboard).map(([table, label]) => (
            <Stack gap={4} key={table}>
              <Text size="sm" fw={700} id={`${titleId}-${table}`}>
                {label}
              </Text>
              <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={`${titleId}-${table}`}>
                {FORMATS.map(([format, formatLabel]) => (
                  <li key={format}>
                    <Anchor href={kpiExportHref(view, table, format)} download aria-label={`${label}: ${formatLabel}`} size="sm">
                      {formatLabel}
                    </Anchor>
                  </li>
                ))}
              </Group>
            </Stack>
          ))}
          {withReport && (
            <Anchor href={kpiReportHref(view)} download size="sm" fw={600}>
              Отчёт за сезон (PDF)
            </Anchor>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

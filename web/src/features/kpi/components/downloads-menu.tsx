// Only these pages use a menu: its styles load with them, not with every page (see app/mantine-styles.ts).
import '@mantine/core/styles/Menu.css';
import { Button, Menu } from '@mantine/core';
import type { KpiDashboard, KpiExportFormat, KpiTable } from '@common/schemas/kpi.js';
import { kpiExportHref, kpiReportHref, type KpiView } from '@web/lib/kpi';

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
 * the season report.
 */
export function DownloadsMenu({ dashboard }: { dashboard: KpiDashboard }) {
  // The files describe exactly what the page shows: its scope, season and period.
  const view: KpiView = {
    level: dashboard.scope.level,
    id: dashboard.scope.id,
    season: String(dashboard.season.id),
    from: dashboard.period.from,
    to: dashboard.period.to,
  };
  const withReport = dashboard.scope.level === 'region' || dashboard.scope.level === 'school';
  return (
    <Menu position="bottom-end" width={320} withinPortal>
      <Menu.Target>
        <Button variant="default">Скачать</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {tableLabels(dashboard).map(([table, label], index) => (
          <div key={table}>
            {index > 0 && <Menu.Divider />}
            <Menu.Label c="gray.8" fz="sm">
              {label}
            </Menu.Label>
            {FORMATS.map(([format, formatLabel]) => (
              <Menu.Item key={format} component="a" href={kpiExportHref(view, table, format)} download aria-label={`${label}: ${formatLabel}`}>
                {formatLabel}
              </Menu.Item>
            ))}
          </div>
        ))}
        {withReport && (
          <>
            <Menu.Divider />
            <Menu.Item component="a" href={kpiReportHref(view)} download>
              Отчёт за сезон (PDF)
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

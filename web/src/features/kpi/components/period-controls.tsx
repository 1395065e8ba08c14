import { useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import type { KpiDashboard, KpiSeason } from '@common/schemas/kpi.js';
import type { KpiView } from '@web/lib/kpi';

interface Props {
  dashboard: KpiDashboard;
  view: KpiView;
  onChange: (change: Pick<KpiView, 'season' | 'from' | 'to'>) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FORMAT = 'Дата в формате ДД.ММ.ГГГГ';

/** What is wrong with a period within its season, per field; an empty field is not yet wrong. */
function periodErrors(from: string, to: string, season: Pick<KpiSeason, 'startsOn' | 'endsOn'>): { from: string | null; to: string | null } {
  return {
    from: !from ? null : !DATE.test(from) ? DATE_FORMAT : from < season.startsOn ? 'Раньше начала сезона' : null,
    to: !to ? null : !DATE.test(to) ? DATE_FORMAT : to > season.endsOn ? 'Позже конца сезона' : from && from > to ? 'Конец периода раньше его начала' : null,
  };
}

function DateField({ label, value, season, error, onChange }: { label: string; value: string; season: KpiSeason; error: string | null; onChange: (value: string) => void }) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      min={season.startsOn}
      max={season.endsOn}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={{ base: '100%', xs: 190 }}
    />
  );
}

/**
 * The season and the period within it. A date applies as soon as it is whole and sensible; a
 * period that ends before it starts or leaves the season is said next to the field instead.
 * The page keys it on the period shown, so the fields start over from each new one.
 */
export function PeriodControls({ dashboard, view, onChange }: Props) {
  const { season, period } = dashboard;
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const errors = periodErrors(from, to, season);

  const apply = (nextFrom: string, nextTo: string) => {
    const next = periodErrors(nextFrom, nextTo, season);
    if (nextFrom && nextTo && !next.from && !next.to) onChange({ from: nextFrom, to: nextTo });
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label="Сезон"
        value={String(season.id)}
        onChange={(e) => onChange({ season: e.currentTarget.value, from: undefined, to: undefined })}
        data={dashboard.seasons.map((s) => ({ value: String(s.id), label: s.current ? `${s.name} (текущий)` : s.name }))}
        w={{ base: '100%', xs: 220 }}
      />
      <DateField
        label="Начало периода"
        value={from}
        season={season}
        error={errors.from}
        onChange={(value) => {
          setFrom(value);
          apply(value, to);
        }}
      />
      <DateField
        label="Конец периода"
        value={to}
        season={season}
        error={errors.to}
        onChange={(value) => {
          setTo(value);
          apply(from, value);
        }}
      />
      {(view.from || view.to) && (
        <Button variant="subtle" onClick={() => onChange({ from: undefined, to: undefined })}>
          Весь сезон
        </Button>
      )}
    </Group>
  );
}

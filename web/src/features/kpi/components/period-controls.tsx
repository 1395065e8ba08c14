import { useEffect, useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import type { KpiView } from '@web/lib/kpi';

interface Props {
  dashboard: KpiDashboard;
  view: KpiView;
  onChange: (change: Pick<KpiView, 'season' | 'from' | 'to'>) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The season and the period within it. A date applies as soon as it is whole and sensible; a
 * period that ends before it starts or leaves the season is said next to the field instead.
 */
export function PeriodControls({ dashboard, view, onChange }: Props) {
  const { season, period } = dashboard;
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);

  const fromError = from && !DATE.test(from) ? 'Дата в формате ДД.ММ.ГГГГ' : from && from < season.startsOn ? 'Раньше начала сезона' : null;
  const toError = to && !DATE.test(to) ? 'Дата в формате ДД.ММ.ГГГГ' : to && to > season.endsOn ? 'Позже конца сезона' : from && to && from > to ? 'Конец периода раньше его начала' : null;

  const apply = (nextFrom: string, nextTo: string) => {
    const okFrom = DATE.test(nextFrom) && nextFrom >= season.startsOn;
    const okTo = DATE.test(nextTo) && nextTo <= season.endsOn;
    if (okFrom && okTo && nextFrom <= nextTo) onChange({ from: nextFrom, to: nextTo });
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
      <TextInput
        type="date"
        label="Начало периода"
        value={from}
        min={season.startsOn}
        max={season.endsOn}
        error={fromError}
        onChange={(e) => {
          setFrom(e.currentTarget.value);
          apply(e.currentTarget.value, to);
        }}
        w={{ base: '100%', xs: 190 }}
      />
      <TextInput
        type="date"
        label="Конец периода"
        value={to}
        min={season.startsOn}
        max={season.endsOn}
        error={toError}
        onChange={(e) => {
          setTo(e.currentTarget.value);
          apply(from, e.currentTarget.value);
        }}
        w={{ base: '100%', xs: 190 }}
      />
      {(view.from || view.to) && (
        <Button variant="subtle" onClick={() => onChange({ from: undefined, to: undefined })}>
          Весь сезон
        </Button>
      )}
    </Group>
  );
}

import type { ListState } from '../../../lib/list-state';
import { ListSelect } from '../../../lib/components/list-select';
import { useCities, useRegions } from '../../../lib/reference';
import { ORGANISATION_STATUS } from '../labels';

interface Props {
  state: ListState;
  onChange: (change: Partial<ListState>) => void;
  /** The coordinator's own region; null lets the issuer pick one. */
  ownRegionId: number | null;
}

const STATUS_OPTIONS = Object.entries(ORGANISATION_STATUS).map(([value, { label }]) => ({ value, label }));
const filterProps = { clearable: true, placeholder: 'Все', clearButtonProps: { 'aria-label': 'Сбросить фильтр' }, w: { base: '100%', sm: 220 } } as const;

/** Region (issuer only), city and status; a new region clears the city, which belongs to the old one. */
export function OrganisationFilters({ state, onChange, ownRegionId }: Props) {
  const regions = useRegions();
  const regionId = ownRegionId ?? (state.filters.regionId ? Number(state.filters.regionId) : null);
  const cities = useCities(regionId);
  const set = (name: string, value: string | null) => onChange({ filters: { [name]: value ?? '' } });

  return (
    <>
      {ownRegionId === null && (
        <ListSelect
          label="Регион"
          data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          searchable
          nothingFoundMessage="Такого региона нет"
          value={state.filters.regionId || null}
          onChange={(value) => onChange({ filters: { regionId: value ?? '', cityId: '' } })}
          {...filterProps}
        />
      )}
      <ListSelect
        label="Город"
        data={(cities.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
        searchable
        disabled={regionId === null}
        description={regionId === null ? 'Сначала выберите регион' : undefined}
        nothingFoundMessage="Такого города нет в списке"
        value={state.filters.cityId || null}
        onChange={(value) => set('cityId', value)}
        {...filterProps}
      />
      <ListSelect label="Статус" data={STATUS_OPTIONS} value={state.filters.status || null} onChange={(value) => set('status', value)} {...filterProps} />
    </>
  );
}

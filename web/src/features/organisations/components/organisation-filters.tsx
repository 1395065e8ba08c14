import { filterSelectProps } from '@web/lib/components/data-table';
import { ListSelect } from '@web/lib/components/list-select';
import { CitySelect, RegionSelect } from '@web/lib/components/reference-select';
import type { ListState } from '@web/lib/list-state';
import { ORGANISATION_STATUS } from '../labels';

interface Props {
  state: ListState;
  onChange: (change: Partial<ListState>) => void;
  /** The coordinator's own region; null lets the issuer pick one. */
  ownRegionId: number | null;
}

const STATUS_OPTIONS = Object.entries(ORGANISATION_STATUS).map(([value, { label }]) => ({ value, label }));

/** Region (issuer only), city and status; a new region clears the city, which belongs to the old one. */
export function OrganisationFilters({ state, onChange, ownRegionId }: Props) {
  const regionId = ownRegionId ?? (state.filters.regionId ? Number(state.filters.regionId) : null);
  const set = (name: string, value: string | null) => onChange({ filters: { [name]: value ?? '' } });

  return (
    <>
      {ownRegionId === null && (
        <RegionSelect
          label="Регион"
          nothingFoundMessage="Такого региона нет"
          value={state.filters.regionId || null}
          onChange={(value) => onChange({ filters: { regionId: value ?? '', cityId: '' } })}
          {...filterSelectProps}
        />
      )}
      <CitySelect
        regionId={regionId}
        label="Город"
        disabled={regionId === null}
        description={regionId === null ? 'Сначала выберите регион' : undefined}
        nothingFoundMessage="Такого города нет в списке"
        value={state.filters.cityId || null}
        onChange={(value) => set('cityId', value)}
        {...filterSelectProps}
      />
      <ListSelect label="Статус" data={STATUS_OPTIONS} value={state.filters.status || null} onChange={(value) => set('status', value)} {...filterSelectProps} />
    </>
  );
}

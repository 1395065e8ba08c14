import { Loader, type SelectProps } from '@mantine/core';
import { useCities, useRegions } from '../reference';
import { ListSelect } from './list-select';

type Props = Omit<SelectProps, 'data'>;

const loading = (pending: boolean) => (pending ? <Loader size="xs" /> : undefined);

/** A searchable choice among the regions; the value is the region's id as a string, as Mantine's selects keep it. */
export function RegionSelect(props: Props) {
  const regions = useRegions();
  const data = (regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }));
  return <ListSelect searchable rightSection={loading(regions.isLoading)} {...props} data={data} />;
}

/** A searchable choice among one region's cities; empty until a region is known. */
export function CitySelect({ regionId, ...props }: Props & { regionId: number | null }) {
  const cities = useCities(regionId);
  const data = (cities.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  return <ListSelect searchable rightSection={loading(cities.isLoading)} {...props} data={data} />;
}

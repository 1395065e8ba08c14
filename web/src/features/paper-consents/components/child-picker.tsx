import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { ListSelect } from '@web/lib/components/list-select';
import { errorMessage } from '@web/lib/api-client';
import { fullName } from '@web/lib/format';
import { PUPIL_SEARCH_MIN, usePupilSearch, type PupilOption } from '../api/paper-consents-api';

const optionLabel = (p: PupilOption) => `${fullName(p)}, ${p.grade} класс`;

interface Props {
  value: PupilOption | null;
  onChange: (pupil: PupilOption | null) => void;
  error?: string | null;
  label?: string;
}

/**
 * Finds a pupil of the school by name on the server: a school has hundreds of pupils, too many to
 * send to the browser. The chosen pupil stays among the options while the next search runs.
 */
export function ChildPicker({ value, onChange, error, label = 'Ученик' }: Props) {
  const [search, setSearch] = useState(value ? optionLabel(value) : '');
  const [term] = useDebouncedValue(search, 300);
  const pupils = usePupilSearch(value && search === optionLabel(value) ? '' : term);
  const found = pupils.data ?? [];
  const options = value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;

  const nothingFound = (() => {
    if (search.trim().length < PUPIL_SEARCH_MIN) return 'Начните вводить фамилию';
    if (pupils.isError) return errorMessage(pupils.error);
    return pupils.isFetching ? 'Ищем…' : 'Среди учеников школы такого нет';
  })();

  return (
    <ListSelect
      label={label}
      description="Фамилия и имя ученика вашей школы"
      placeholder="Например, Смирнов Артём"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched the name; filtering again here would hide "Артём" for "Артем".
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: p.id, label: optionLabel(p) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
      nothingFoundMessage={nothingFound}
      error={error}
    />
  );
}

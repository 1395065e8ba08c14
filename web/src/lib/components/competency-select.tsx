import { useMemo } from 'react';
import { Loader, MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useCompetencies } from '../competencies';

/**
 * Competencies grouped by sphere with a search, since ninety names do not fit a plain list. Values
 * are the competency ids as strings, as Mantine's selects keep them.
 */
export function CompetencySelect(props: Omit<MultiSelectProps, 'data'>) {
  const spheres = useCompetencies();
  const data = useMemo(
    () =>
      (spheres.data ?? []).map((sphere) => ({
        group: sphere.name,
        items: sphere.competencies.map((c) => ({ value: String(c.id), label: c.name })),
      })),
    [spheres.data],
  );
  return (
    <MultiSelect
      label="Компетенции"
      placeholder="Начните вводить название"
      size="md"
      searchable
      hidePickedOptions
      maxValues={60}
      nothingFoundMessage="Такой компетенции нет в списке"
      // Like the theme's Select: the closed list stays out of the page, so the label names only the input.
      comboboxProps={{ keepMounted: false }}
      rightSection={spheres.isLoading ? <Loader size="xs" /> : undefined}
      {...props}
      // A form's getInputProps always passes `error`, undefined while the field is valid.
      error={props.error ?? (spheres.isError ? 'Не получилось загрузить список компетенций' : undefined)}
      data={data}
    />
  );
}

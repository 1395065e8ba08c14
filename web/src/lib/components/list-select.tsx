import { useEffect, useReducer, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';

/**
 * Mantine's Select with its option list mounted only while open (see the theme), so a label
 * names just the input. The list registers itself after it mounts, which Select does not
 * re-render for; one extra render then lets aria-expanded tell screen readers the list is open.
 */
export function ListSelect(props: SelectProps) {
  const [opened, setOpened] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (opened) rerender();
  }, [opened]);
  return (
    <Select
      {...props}
      onDropdownOpen={() => {
        setOpened(true);
        props.onDropdownOpen?.();
      }}
      onDropdownClose={() => {
        setOpened(false);
        props.onDropdownClose?.();
      }}
    />
  );
}

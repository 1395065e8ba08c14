import { Badge } from '@mantine/core';

/**
 * Mantine cuts a badge's label with an ellipsis once its column gets narrow («Ра…»); a status must
 * always be read whole, so the badge keeps its full width and the table column makes room for it.
 */
export const WHOLE_LABEL = {
  root: { overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'nowrap' },
} as const;

/** A status in words on its tint; the colour only repeats what the label says. */
export function StatusBadge({ label, color, fw }: { label: string; color: string; fw?: number }) {
  return (
    <Badge variant="light" color={color} tt="none" fw={fw} styles={WHOLE_LABEL}>
      {label}
    </Badge>
  );
}

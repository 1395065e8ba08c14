import { Badge } from '@mantine/core';

/** A status in words on its tint; the colour only repeats what the label says. */
export function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

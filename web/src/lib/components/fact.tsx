import { Stack, Text } from '@mantine/core';

/** One labelled value of a profile, read-only; long e-mails wrap instead of widening a phone screen. */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

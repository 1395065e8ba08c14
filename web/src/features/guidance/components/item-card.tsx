import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';

interface Props {
  id: string;
  title: ReactNode;
  facts?: Array<string | null>;
  reason: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** One recommended item: what it is, why it is recommended (always visible), and what to do with it. */
export function ItemCard({ id, title, facts = [], reason, children, actions }: Props) {
  const shown = facts.filter(Boolean);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} fz="h4" id={id} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {shown.length > 0 && (
          <Text size="sm" c="gray.7">
            {shown.join(' · ')}
          </Text>
        )}
        <Text size="sm">
          <Text span fw={700} inherit>
            Почему:{' '}
          </Text>
          {reason}
        </Text>
        {children}
        {actions && (
          <Group gap="sm" mt={4}>
            {actions}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RegionContacts } from '../api/help-api';

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} component="div" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** A region's operator contacts, or a plain word that the region has not filled them in yet. */
export function ContactsCard({ data }: { data: RegionContacts }) {
  if (!data.regionName) return null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {data.regionName}
        </Title>
        {data.contacts ? (
          <>
            <Fact label="Региональный оператор" value={data.contacts.organisation} />
            {data.contacts.phone && <Fact label="Телефон" value={<Anchor href={`tel:${data.contacts.phone.replace(/[^\d+]/g, '')}`}>{data.contacts.phone}</Anchor>} />}
            {data.contacts.email && <Fact label="Электронная почта" value={<Anchor href={`mailto:${data.contacts.email}`}>{data.contacts.email}</Anchor>} />}
            {data.contacts.hours && <Fact label="Часы работы" value={data.contacts.hours} />}
          </>
        ) : (
          <Text>Региональный оператор ещё не указал свои контакты. Спросите чат-бота или напишите в поддержку программы.</Text>
        )}
      </Stack>
    </Card>
  );
}

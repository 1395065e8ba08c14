import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatPhone, fullName } from '@web/lib/format';
import { LoadError } from '@web/lib/components/page';
import { useParentSnils } from '../api/parent-api';
import type { ParentCabinet } from '@web/lib/parent-cabinet';

export function ParentProfile({ account }: { account: ParentCabinet['account'] }) {
  const [revealed, setRevealed] = useState(false);
  const snils = useParentSnils(revealed);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="parent-profile-title">
      <Stack gap="xs">
        <Title order={2} id="parent-profile-title">
          Мои данные
        </Title>
        <Text>{fullName(account)}</Text>
        {account.birthDate && <Text>Дата рождения: {formatDate(account.birthDate)}</Text>}
        <Text style={{ overflowWrap: 'anywhere' }}>Почта: {account.email}</Text>
        {account.phone && <Text>Телефон: {formatPhone(account.phone)}</Text>}
        <Text>
          СНИЛС: <b>{snils.data?.snils ?? account.snilsMasked}</b>
        </Text>
        {snils.isError && <LoadError error={snils.error} onRetry={() => void snils.refetch()} />}
        {!snils.data && (
          <Group>
            <Button variant="light" size="sm" onClick={() => setRevealed(true)} loading={snils.isFetching}>
              Показать СНИЛС
            </Button>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          Данные пришли из Госуслуг. Чтобы что-то изменить, исправьте это на Госуслугах и войдите снова.
        </Text>
      </Stack>
    </Card>
  );
}

import { lazy, Suspense } from 'react';
import { Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { formatDate, formatPhone, fullName } from '@web/lib/format';
import type { ParticipantCabinet } from '../api/participant-api';
import { Fact } from '@web/lib/components/fact';

// Opened by few pupils: fetched after the cabinet shows, to keep its first load small on a phone.
const CorrectionRequest = lazy(() => import('@web/lib/components/correction-request').then((m) => ({ default: m.CorrectionRequest })));

export function ProfileCard({ cabinet }: { cabinet: ParticipantCabinet }) {
  const { account, profile } = cabinet;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={3}>Анкета</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label="ФИО" value={fullName(account)} />
          <Fact label="Дата рождения" value={formatDate(account.birthDate)} />
          <Fact label="Класс" value={`${profile.grade} класс`} />
          <Fact label="Школа" value={profile.school.name ?? 'не указана'} />
          <Fact label="Город и регион" value={`${profile.city.name}, ${profile.region.name}`} />
          <Fact label="Электронная почта" value={account.email} />
          <Fact label="Телефон" value={account.phone ? formatPhone(account.phone) : 'не указан'} />
        </SimpleGrid>
        <Suspense fallback={null}>
          <CorrectionRequest pupilId={account.id} viewer="pupil" />
        </Suspense>
      </Stack>
    </Card>
  );
}

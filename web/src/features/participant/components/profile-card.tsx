import { lazy, Suspense, useId, useState } from 'react';
import { Button, Card, Collapse, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { formatDate, formatPhone, fullName } from '@web/lib/format';
import type { ParticipantCabinet } from '../api/participant-api';
import { Fact } from '@web/lib/components/fact';

// Opened by few pupils: its code and the pupil's requests are fetched only when the pupil opens
// it, to keep the cabinet's first load small on a phone (the school's answer comes as a notification).
const CorrectionRequest = lazy(() => import('@web/lib/components/correction-request').then((m) => ({ default: m.CorrectionRequest })));

export function ProfileCard({ cabinet }: { cabinet: ParticipantCabinet }) {
  const { account, profile } = cabinet;
  const [correcting, setCorrecting] = useState(false);
  const correctionId = useId();
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
        <Group>
          <Button variant="light" onClick={() => setCorrecting((v) => !v)} aria-expanded={correcting} aria-controls={correctionId}>
            {correcting ? 'Скрыть исправление данных' : 'Исправить ошибку в анкете'}
          </Button>
        </Group>
        <Collapse expanded={correcting} id={correctionId} keepMounted={false}>
          <Suspense fallback={null}>
            <CorrectionRequest pupilId={account.id} viewer="pupil" />
          </Suspense>
        </Collapse>
      </Stack>
    </Card>
  );
}

import { lazy, Suspense } from 'react';
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { MAX_PARENTS_PER_CHILD } from '@common/participation.js';
import { InvitationList, InviteForm } from '@web/lib/components/invitations-panel';
import { NotificationsPanel } from '@web/lib/components/notifications-panel';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { SupportSection } from '@web/lib/components/support-section';
import { PersonalDataSection } from '@web/lib/components/personal-data-section';
import { participantCabinetKey, useParticipantCabinet, type ParticipantCabinet } from '../api/participant-api';
import { PlannedEventsCard } from '@web/lib/pupil-events/planned-events-card';
import { DiagnosticsCard } from '../components/diagnostics-card';
import { GuidanceCard } from '../components/guidance-card';
import { NextSteps } from '../components/next-steps';
import { ProfileCard } from '../components/profile-card';

// Far down the page and rarely used: fetched after the cabinet shows, to keep its first load small on a phone.
const DataRightsSection = lazy(() => import('@web/lib/components/data-rights-section').then((m) => ({ default: m.DataRightsSection })));

function ParentsSection({ cabinet }: { cabinet: ParticipantCabinet }) {
  const full = cabinet.parents.length >= MAX_PARENTS_PER_CHILD;
  return (
    <Stack gap="md" component="section" aria-labelledby="parents-title">
      <Title order={2} id="parents-title">
        Родители
      </Title>
      {cabinet.parents.length > 0 ? (
        <Card withBorder padding="md">
          <Text fw={600}>С твоим кабинетом связаны:</Text>
          <List mt="xs">
            {cabinet.parents.map((p) => (
              <List.Item key={p.id}>{p.name}</List.Item>
            ))}
          </List>
        </Card>
      ) : (
        <Text>Пока ни один родитель не связан с твоим кабинетом.</Text>
      )}
      {full ? (
        <Text>К кабинету уже привязаны два родителя — это максимум.</Text>
      ) : (
        <InviteForm
          path="/participant/invitations"
          description="Напиши адрес почты мамы, папы или другого законного представителя. Мы пришлём ссылку: родитель войдёт через Госуслуги и подтвердит связь с тобой. Ссылка действует 7 дней."
          blockedReason={cabinet.status.emailVerified ? null : 'Сначала подтверди свою почту по ссылке из письма — потом можно пригласить родителя.'}
        />
      )}
      <InvitationList emptyText="Приглашений пока нет." />
    </Stack>
  );
}

export function ParticipantPage() {
  const cabinet = useParticipantCabinet();

  if (cabinet.isPending) return <PageLoader label="Загружаем кабинет…" />;
  if (cabinet.isError) return <LoadError error={cabinet.error} onRetry={() => void cabinet.refetch()} />;
  const data = cabinet.data;

  return (
    <Stack gap="xl" maw={760}>
      <PageTitle lead="Это твой кабинет в программе «Билет в будущее».">{`Привет, ${data.account.firstName}!`}</PageTitle>
      <NextSteps cabinet={data} />
      <PlannedEventsCard />
      <DiagnosticsCard />
      <GuidanceCard />
      <Stack gap="md" component="section" aria-labelledby="profile-title">
        <Title order={2} id="profile-title">
          Мой профиль
        </Title>
        <ProfileCard cabinet={data} />
        <PersonalDataSection
          path="/participant/personal-data"
          subject="self"
          birthDate={data.account.birthDate}
          snilsMasked={data.profile.snilsMasked}
          hasOvz={data.profile.hasOvz}
          phone={data.account.phone}
          cabinetKey={participantCabinetKey}
          headingOrder={3}
        />
        <Suspense fallback={null}>
          <DataRightsSection audience="pupil" headingOrder={3} />
        </Suspense>
      </Stack>
      <ParentsSection cabinet={data} />
      <SupportSection myRequestsPath="/participant/support" />
      <NotificationsPanel />
    </Stack>
  );
}

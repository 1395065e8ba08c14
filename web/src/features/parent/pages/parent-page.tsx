import { Navigate } from 'react-router';
import { useState } from 'react';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { InvitationList, InviteForm } from '@web/lib/components/invitations-panel';
import { NotificationsPanel } from '@web/lib/components/notifications-panel';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { SupportSection } from '@web/lib/components/support-section';
import { useParentCabinet } from '@web/lib/parent-cabinet';
import { ChildCard } from '../components/child-card';
import { CreateChildForm } from '../components/create-child-form';
import { ParentProfile } from '../components/parent-profile';

function NoChildrenYet() {
  return (
    <Card withBorder padding="lg" bg="bilet.0">
      <Stack gap="xs">
        <Text fw={600}>Пока ни один ребёнок не связан с вашим кабинетом.</Text>
        <Text>Связать кабинеты можно так:</Text>
        <List spacing="xs">
          <List.Item>
            <b>Пригласить ребёнка по почте.</b> Он получит письмо, сам заполнит анкету, и кабинеты свяжутся. С 14 лет — только так.
          </List.Item>
          <List.Item>
            <b>Создать кабинет самому,</b> если ребёнку ещё нет 14 лет: вы заполните анкету за него.
          </List.Item>
          <List.Item>
            Если ребёнок уже зарегистрирован, попросите его пригласить вас из своего кабинета — вам придёт письмо со ссылкой.
          </List.Item>
        </List>
      </Stack>
    </Card>
  );
}

/** Two ways to add a child; only the chosen form is on the page, so each label names one field. */
function AddChild() {
  const [way, setWay] = useState<'invite' | 'create'>('invite');
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button variant={way === 'invite' ? 'filled' : 'default'} aria-pressed={way === 'invite'} onClick={() => setWay('invite')}>
          Пригласить по почте
        </Button>
        <Button variant={way === 'create' ? 'filled' : 'default'} aria-pressed={way === 'create'} onClick={() => setWay('create')}>
          Создать кабинет ребёнку до 14 лет
        </Button>
      </Group>
      {way === 'invite' ? (
        <InviteForm
          path="/parent/invitations"
          description="Напишите адрес почты ребёнка. Мы пришлём ссылку на регистрацию: после неё ваши кабинеты свяжутся сами. Ссылка действует 7 дней."
        />
      ) : (
        <CreateChildForm />
      )}
    </Stack>
  );
}

export function ParentPage() {
  const cabinet = useParentCabinet();

  if (cabinet.isPending) return <PageLoader label="Загружаем кабинет…" />;
  if (cabinet.isError) return <LoadError error={cabinet.error} onRetry={() => void cabinet.refetch()} />;
  const { account, children } = cabinet.data;
  if (account.status === 'pending') return <Navigate to="/parent/confirm" replace />;

  return (
    <Stack gap="xl" maw={820}>
      <PageTitle lead="Кабинет родителя в программе «Билет в будущее».">{`Здравствуйте, ${account.firstName}!`}</PageTitle>

      <Stack gap="md" component="section" aria-labelledby="children-title">
        <Title order={2} id="children-title">
          Мои дети
        </Title>
        {children.length === 0 ? <NoChildrenYet /> : children.map((child) => <ChildCard key={child.id} child={child} />)}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="add-child-title">
        <Title order={2} id="add-child-title">
          Добавить ребёнка
        </Title>
        <AddChild />
        <InvitationList emptyText="Вы ещё никого не приглашали." />
      </Stack>

      <ParentProfile account={account} />
      <SupportSection myRequestsPath="/parent/support" />
      <NotificationsPanel />
    </Stack>
  );
}

import { Link, Navigate, useParams } from 'react-router';
import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { REPRESENTATIVE_KIND_OPTIONS, type RepresentativeKind } from '@common/schemas/identity.js';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { FormAlert, LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { RenewInvitationLink } from '@web/lib/components/renew-invitation-link';
import { useInvitationLink, type InvitationLink } from '@web/lib/invitations';
import { EsiaNotice } from '@web/lib/components/esia-notice';
import { esiaSignInUrl } from '@web/lib/navigation';
import { useSession } from '@web/lib/session';
import { useAcceptInvitation } from '../api/invitation-api';

function AcceptInvitation({ token, link }: { token: string; link: InvitationLink }) {
  const accept = useAcceptInvitation(token);
  const [kind, setKind] = useState<RepresentativeKind>('parent');
  if (accept.isSuccess) {
    return (
      <Stack gap="md" align="flex-start">
        <Alert color="green" title="Кабинеты связаны" role="status">
          Теперь {accept.data.childName} — в вашем кабинете. Осталось дать согласие на обработку персональных данных, чтобы ребёнок мог
          записываться на мероприятия.
        </Alert>
        <Button component={Link} to="/parent">
          Перейти в кабинет
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md" align="flex-start">
      <Text>Нажмите кнопку, и кабинет ребёнка появится в вашем кабинете родителя. Там же можно будет дать согласия.</Text>
      <Select
        label="Кем вы приходитесь ребёнку"
        data={REPRESENTATIVE_KIND_OPTIONS}
        value={kind}
        allowDeselect={false}
        onChange={(value) => value && setKind(value as RepresentativeKind)}
        maw={320}
      />
      <FormAlert message={accept.isError ? errorMessage(accept.error) : null} />
      <Button size="lg" onClick={() => accept.mutate(kind)} loading={accept.isPending}>
        {`Подтвердить связь с ребёнком ${link.inviterName}`}
      </Button>
    </Stack>
  );
}

function ValidInvitation({ token, link }: { token: string; link: InvitationLink }) {
  const session = useSession();
  const account = session.data;
  const returnTo = `/invite/${token}`;

  if (session.isPending) return <PageLoader />;
  if (account?.role === 'parent' && account.status === 'active') return <AcceptInvitation token={token} link={link} />;
  if (account?.role === 'parent') {
    return (
      <Stack gap="md" align="flex-start">
        <Text>Сначала проверьте данные, которые пришли из Госуслуг, — это займёт минуту. Потом вы вернётесь сюда.</Text>
        <Button component={Link} to={`/parent/confirm?returnTo=${encodeURIComponent(returnTo)}`}>
          Проверить мои данные
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md" align="flex-start">
      <Text>
        «Билет в будущее» — бесплатная программа профориентации: онлайн-диагностика, профессиональные пробы с наставниками и
        рекомендации. Чтобы ребёнок мог участвовать, его кабинет нужно связать с кабинетом родителя.
      </Text>
      <Text>
        Родители входят через Госуслуги — так мы точно знаем, что это вы. Если вы здесь впервые, кабинет родителя откроется сам, а
        потом вы вернётесь на эту страницу.
      </Text>
      <EsiaNotice />
      {account && (
        <Alert color="orange" title="Сейчас открыт другой кабинет" role="status">
          На этом устройстве выполнен вход в кабинет участника. После входа через Госуслуги откроется ваш кабинет родителя.
        </Alert>
      )}
      <Button component="a" href={esiaSignInUrl(returnTo)} size="lg">
        Войти через Госуслуги
      </Button>
    </Stack>
  );
}

export function InvitationPage() {
  const { token = '' } = useParams();
  const link = useInvitationLink(token);

  if (link.isPending) return <PageLoader label="Проверяем приглашение…" />;
  if (link.isError) {
    if (link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 400)) {
      return (
        <Stack gap="md" maw={640}>
          <PageTitle>Приглашение не найдено</PageTitle>
          <Text>Проверьте, что ссылка из письма скопирована целиком. Если не помогает — попросите ребёнка отправить приглашение ещё раз.</Text>
        </Stack>
      );
    }
    return <LoadError error={link.error} onRetry={() => void link.refetch()} />;
  }
  if (link.data.kind === 'child') return <Navigate to={`/register?invitation=${encodeURIComponent(token)}`} replace />;

  const { state, inviterName } = link.data;
  return (
    <Stack gap="md" maw={640}>
      {state === 'valid' && (
        <>
          <PageTitle>{`${inviterName} приглашает вас`}</PageTitle>
          <ValidInvitation token={token} link={link.data} />
        </>
      )}
      {state === 'expired' && (
        <>
          <PageTitle>Срок приглашения истёк</PageTitle>
          <Text>Ссылка от {inviterName} больше не действует. Запросите новую — она придёт на ту же почту.</Text>
          <RenewInvitationLink
            token={token}
            sent={
              <Alert color="green" title="Новая ссылка отправлена" role="status">
                Мы отправили свежую ссылку на ту же почту, куда пришло приглашение. Откройте новое письмо.
              </Alert>
            }
          />
        </>
      )}
      {state === 'accepted' && (
        <>
          <PageTitle>Приглашение уже принято</PageTitle>
          <Text>По этой ссылке кабинеты уже связаны. Если это были вы, ребёнок {inviterName} — в вашем кабинете.</Text>
          <Group>
            <Button component={Link} to="/parent">
              Перейти в кабинет
            </Button>
          </Group>
        </>
      )}
      {state === 'revoked' && (
        <>
          <PageTitle>Приглашение отозвано</PageTitle>
          <Text>{inviterName} отозвал(а) это приглашение. Если оно нужно, попросите отправить новое.</Text>
        </>
      )}
    </Stack>
  );
}

import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { PageTitle } from '@web/lib/components/page';
import { RenewInvitationLink } from '@web/lib/components/renew-invitation-link';
import { useInvitationLink } from '@web/lib/invitations';
import { useSession } from '@web/lib/session';
import { RegistrationForm } from '../components/registration-form';

/** What the invitation in the address means for this registration; only a valid one links the accounts. */
function InvitationBanner({ token }: { token: string }) {
  const link = useInvitationLink(token);

  if (link.isPending) {
    return (
      <Alert color="bilet" role="status" title="Проверяем приглашение">
        <Loader size="sm" aria-hidden />
      </Alert>
    );
  }
  if (link.isError || link.data.kind !== 'child') {
    const notFound = link.error instanceof ApiError && link.error.status === 404;
    return (
      <Alert color="orange" title="Приглашение не найдено" role="alert">
        {notFound || !link.isError
          ? 'Проверь, что ссылка из письма скопирована целиком.'
          : errorMessage(link.error)}{' '}
        Зарегистрироваться можно и без приглашения — а родителя потом пригласишь из кабинета.
      </Alert>
    );
  }
  const { state, inviterName } = link.data;
  if (state === 'valid') {
    return (
      <Alert color="green" title="У тебя есть приглашение" role="status">
        Тебя пригласил(а) {inviterName}. Заполни анкету — и после регистрации ваши кабинеты свяжутся сами.
      </Alert>
    );
  }
  if (state === 'expired') {
    return (
      <Alert color="orange" title="Срок приглашения истёк" role="alert">
        <Stack gap="sm">
          <Text size="sm">
            Ссылка от {inviterName} больше не действует. Запроси новую — она придёт на ту же почту. Или зарегистрируйся без
            приглашения и потом пригласи родителя из кабинета.
          </Text>
          <RenewInvitationLink
            token={token}
            variant="white"
            sent={<Text fw={600}>Готово! Новая ссылка ушла на почту, куда пришло приглашение. Открой письмо и переходи по новой ссылке.</Text>}
          />
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="orange" title={state === 'accepted' ? 'Приглашение уже использовано' : 'Приглашение отозвано'} role="alert">
      {state === 'accepted' ? (
        <>
          По этой ссылке уже зарегистрировались. Если это был ты — просто{' '}
          <Anchor component={Link} to="/signin">
            войди в кабинет
          </Anchor>
          .
        </>
      ) : (
        `${inviterName} отозвал(а) это приглашение. Попроси прислать новое или зарегистрируйся без него.`
      )}
    </Alert>
  );
}

export function RegisterPage() {
  const [params] = useSearchParams();
  const token = params.get('invitation');
  const link = useInvitationLink(token);
  const session = useSession();
  const validToken = token && link.data?.kind === 'child' && link.data.state === 'valid' ? token : null;

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle lead="Это бесплатно и займёт минут пять. Понадобится СНИЛС — попроси родителей, если не помнишь номер.">
        Регистрация школьника
      </PageTitle>
      {token && <InvitationBanner token={token} />}
      {session.data && (
        <Alert color="bilet" title="Вы уже вошли" role="status">
          Сейчас открыт кабинет «{session.data.firstName} {session.data.lastName}». После регистрации откроется новый кабинет вместо
          него.
        </Alert>
      )}
      <Text>
        Ты родитель? Регистрироваться не нужно — <Anchor component={Link} to="/signin">войдите через Госуслуги</Anchor>.
      </Text>
      <RegistrationForm invitationToken={validToken} />
    </Stack>
  );
}

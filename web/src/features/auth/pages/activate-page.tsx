import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { ResendActivation } from '@web/lib/components/resend-activation';
import { homePathFor, useSession } from '@web/lib/session';
import { useActivate } from '../api/auth-api';

export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const activate = useActivate();
  const session = useSession();
  const account = session.data;
  const sent = useRef(false);

  // A link works once: StrictMode's second effect run must not spend it again.
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    activate.mutate(token);
  }, [token, activate]);

  if (!token || activate.isError) {
    const canResend = account?.role === 'participant' && !account.emailVerified;
    return (
      <Stack gap="md" maw={560}>
        <PageTitle>Ссылка не сработала</PageTitle>
        <Alert color="red" title="Почта не подтверждена" role="alert">
          {token ? errorMessage(activate.error) : 'В ссылке не хватает части адреса. Откройте её из письма ещё раз.'}
        </Alert>
        {canResend && <ResendActivation />}
        {account && !canResend && (
          <Group>
            <Button component={Link} to={homePathFor(account.role)}>
              Перейти в кабинет
            </Button>
          </Group>
        )}
        {!account && (
          <Stack gap="xs" align="flex-start">
            <Text>Войдите в кабинет — там можно отправить письмо ещё раз.</Text>
            <Button component={Link} to="/signin?returnTo=%2Fparticipant">
              Войти
            </Button>
          </Stack>
        )}
      </Stack>
    );
  }

  if (activate.isSuccess) {
    return (
      <Stack gap="md" maw={560}>
        <PageTitle>Почта подтверждена</PageTitle>
        <Text size="lg">Спасибо! Адрес подтверждён, и кабинет работает в полную силу.</Text>
        <Group>
          {account ? (
            <Button component={Link} to={homePathFor(account.role)}>
              Перейти в кабинет
            </Button>
          ) : (
            <Button component={Link} to="/signin">
              Войти
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageTitle>Подтверждаем почту</PageTitle>
      <PageLoader label="Подтверждаем адрес почты…" />
    </Stack>
  );
}

import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { sessionKey, useSession } from '@web/lib/session';
import { useSecondFactorStatus } from '../api/staff-access-api';
import { TotpSetupFlow } from '../components/totp-setup';

/**
 * The gate for roles that must sign in with a code, and the place to move the factor to a new
 * phone later. The session is refreshed only when the recovery codes are saved (see useEnableTotp).
 */
export function SecondFactorPage() {
  const session = useSession();
  const status = useSecondFactorStatus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Both read once, as the page opened: enabling the factor lifts the gate and changes the status
  // on the server before the recovery codes are saved.
  const opened = useRef<{ asGate: boolean; replacing: boolean } | null>(null);

  if (status.isPending || session.isPending) return <PageLoader />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  opened.current ??= { asGate: session.data?.gate === 'totp_setup', replacing: status.data.enabled && session.data?.gate !== 'totp_setup' };
  const { asGate, replacing } = opened.current;

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: sessionKey });
    await navigate(asGate ? '/staff' : '/staff/security');
  };

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle
        lead={
          asGate
            ? 'Для вашей роли вход защищён вторым шагом: после пароля нужно ввести код из приложения на телефоне. Так никто не войдёт в кабинет, даже узнав пароль. Настройка займёт пару минут.'
            : 'После пароля при входе нужно будет ввести код из приложения на телефоне.'
        }
      >
        Вход с кодом из приложения
      </PageTitle>
      {replacing && (
        <Alert color="blue" title="Перенос на другой телефон" role="status">
          Вход с кодом уже включён. Если настроить его заново, коды будет показывать новое приложение, а прежнее и старые резервные коды
          перестанут подходить.
        </Alert>
      )}
      <TotpSetupFlow onDone={() => void finish()} />
    </Stack>
  );
}

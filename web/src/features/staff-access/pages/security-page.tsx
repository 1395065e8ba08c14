import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { plural } from '@web/lib/format';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { sessionKey } from '@web/lib/session';
import { useDisableTotp, useRenewRecoveryCodes, useSecondFactorStatus } from '../api/staff-access-api';
import { CodeConfirmForm } from '../components/code-confirm-form';
import { RecoveryCodes } from '../components/recovery-codes';
import { TotpSetupFlow } from '../components/totp-setup';

type Mode = 'idle' | 'setup' | 'renew' | 'disable';

/** Sign-in protection of the staff member's own account: the second factor and its recovery codes. */
export function SecurityPage() {
  const status = useSecondFactorStatus();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableTotp();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (status.isPending) return <PageLoader />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  const { enabled, required, recoveryCodesLeft } = status.data;

  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const close = (message: string | null = null) => {
    setMode('idle');
    setNewCodes(null);
    setNotice(message);
  };

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>Вход и безопасность</PageTitle>
      {notice && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Скрыть" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="second-factor-title">
        <Stack gap="md">
          <Group gap="sm">
            <Title order={2} id="second-factor-title">
              Вход с кодом из приложения
            </Title>
            <Badge size="lg" variant="light" color={enabled ? 'green' : 'gray'} tt="none">
              {enabled ? 'Включён' : 'Выключен'}
            </Badge>
          </Group>
          <Text>
            {required
              ? 'Для вашей роли этот шаг обязателен: после пароля при входе нужно ввести код из приложения на телефоне.'
              : 'Необязательно, но надёжнее: после пароля при входе нужно будет ввести код из приложения на телефоне, так что одного пароля злоумышленнику не хватит.'}
          </Text>
          {enabled && (
            <Text c={recoveryCodesLeft <= 3 ? 'red.9' : undefined} fw={recoveryCodesLeft <= 3 ? 600 : undefined}>
              {recoveryCodesLeft === 0
                ? 'Резервных кодов не осталось — получите новые.'
                : `Осталось ${recoveryCodesLeft} ${plural(recoveryCodesLeft, ['резервный код', 'резервных кода', 'резервных кодов'])}.`}
            </Text>
          )}

          {mode === 'idle' && (
            <Group gap="sm">
              {!enabled && <Button onClick={() => open('setup')}>Включить</Button>}
              {enabled && (
                <>
                  <Button variant="outline" onClick={() => open('renew')}>
                    Получить новые резервные коды
                  </Button>
                  <Button variant="outline" onClick={() => open('setup')}>
                    Перенести на другой телефон
                  </Button>
                  {!required && (
                    <Button variant="outline" color="red.8" onClick={() => open('disable')}>
                      Отключить
                    </Button>
                  )}
                </>
              )}
            </Group>
          )}

          {mode === 'setup' && (
            <Stack gap="sm">
              <TotpSetupFlow
                headingOrder={3}
                onDone={() => {
                  void queryClient.invalidateQueries({ queryKey: sessionKey });
                  close(enabled ? 'Вход с кодом перенесён на новое приложение.' : 'Вход с кодом включён.');
                }}
              />
              <Button variant="subtle" onClick={() => close()} style={{ alignSelf: 'flex-start' }}>
                Отмена
              </Button>
            </Stack>
          )}

          {mode === 'renew' &&
            (newCodes ? (
              <RecoveryCodes codes={newCodes} onDone={() => close('Новые резервные коды действуют, прежние больше не подходят.')} />
            ) : (
              <Stack gap="xs">
                <Title order={3}>Новые резервные коды</Title>
                <Text>Прежние резервные коды перестанут действовать, даже неиспользованные.</Text>
                <CodeConfirmForm
                  submitLabel="Получить новые коды"
                  pending={renew.isPending}
                  onCancel={() => close()}
                  onSubmit={(code, failed) => renew.mutate(code, { onSuccess: ({ recoveryCodes }) => setNewCodes(recoveryCodes), onError: failed })}
                />
              </Stack>
            ))}

          {mode === 'disable' && (
            <Stack gap="xs">
              <Title order={3}>Отключить вход с кодом</Title>
              <Text>После этого для входа будет достаточно пароля. Резервные коды тоже перестанут действовать.</Text>
              <CodeConfirmForm
                danger
                submitLabel="Отключить"
                pending={disable.isPending}
                onCancel={() => close()}
                onSubmit={(code, failed) => disable.mutate(code, { onSuccess: () => close('Вход с кодом отключён.'), onError: failed })}
              />
            </Stack>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

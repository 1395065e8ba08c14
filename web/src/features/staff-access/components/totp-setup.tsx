import { useEffect, useRef, useState } from 'react';
import { Anchor, Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { totpCodeSchema } from '@common/schemas/staff-access.js';
import { errorMessage } from '@web/lib/api-client';
import { TOTP_INPUT_PROPS, useCodeForm } from '@web/lib/code-form';
import { FormAlert } from '@web/lib/components/page';
import { useEnableTotp, useStartTotpSetup } from '../api/staff-access-api';
import { RecoveryCodes } from './recovery-codes';

/** Groups of four are easier to type from one screen into another. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function ConfirmCode({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const enable = useEnableTotp();
  const { form, formRef, inputRef, alert, failed, onSubmit } = useCodeForm(totpCodeSchema);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit((code) => enable.mutate(code, { onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes), onError: failed }))}
    >
      <Stack gap="sm" maw={420}>
        <FormAlert message={alert} />
        <TextInput
          ref={inputRef}
          label="Код из приложения"
          description="6 цифр, которые приложение показывает для «Билета в будущее»"
          {...TOTP_INPUT_PROPS}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={enable.isPending} style={{ alignSelf: 'flex-start' }}>
          Включить вход с кодом
        </Button>
      </Stack>
    </form>
  );
}

/**
 * From "install an app" to saved recovery codes: a QR code (and the key as text for those who
 * cannot scan, e.g. on the same phone), a code proving the app has it, then the recovery codes once.
 */
export function TotpSetupFlow({ onDone, headingOrder = 2 }: { onDone: () => void; headingOrder?: 2 | 3 }) {
  const start = useStartTotpSetup();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const stepTitleRef = useRef<HTMLHeadingElement>(null);
  // Each step replaces the previous one; its heading takes focus so a screen reader announces it.
  useEffect(() => {
    if (start.data || recoveryCodes) stepTitleRef.current?.focus();
  }, [start.data, recoveryCodes]);

  if (recoveryCodes) {
    return (
      <Stack gap="md">
        <Title order={headingOrder} ref={stepTitleRef} tabIndex={-1}>
          Вход с кодом включён
        </Title>
        <RecoveryCodes codes={recoveryCodes} onDone={onDone} />
      </Stack>
    );
  }

  if (!start.data) {
    return (
      <Stack gap="md" align="flex-start">
        <Title order={headingOrder}>Шаг 1. Приложение на телефоне</Title>
        <Text>
          Установите на телефон приложение-аутентификатор, если его ещё нет: подойдёт «Яндекс Ключ», Google Authenticator,
          Microsoft Authenticator или любое другое, которое умеет одноразовые коды (TOTP).
        </Text>
        {start.isError && <FormAlert message={errorMessage(start.error)} />}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Приложение есть — показать QR-код
        </Button>
      </Stack>
    );
  }

  const { qrDataUrl, secret, otpauthUri } = start.data;
  return (
    <Stack gap="md">
      <Title order={headingOrder} ref={stepTitleRef} tabIndex={-1}>
        Шаг 2. Добавьте «Билет в будущее» в приложение
      </Title>
      <List type="ordered" spacing="xs">
        <List.Item>В приложении выберите «Добавить» или «+» и отсканируйте QR-код.</List.Item>
        <List.Item>Введите ниже 6 цифр, которые появятся в приложении.</List.Item>
      </List>
      <Image src={qrDataUrl} alt="QR-код для приложения-аутентификатора" w={220} h={220} fit="contain" />
      <Stack gap={6}>
        <Text size="sm">
          Открываете эту страницу на том же телефоне?{' '}
          <Anchor href={otpauthUri}>Откройте ссылку в приложении</Anchor> или введите в нём ключ вручную:
        </Text>
        <Group gap="xs" wrap="wrap">
          <Code fz="md" style={{ wordBreak: 'break-all' }}>
            {grouped(secret)}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="subtle" size="compact-sm" onClick={copy}>
                {copied ? 'Ключ скопирован' : 'Скопировать ключ'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <ConfirmCode onEnabled={setRecoveryCodes} />
      <Anchor component="button" type="button" size="sm" onClick={() => start.mutate()} style={{ alignSelf: 'flex-start' }}>
        Показать новый QR-код
      </Anchor>
    </Stack>
  );
}

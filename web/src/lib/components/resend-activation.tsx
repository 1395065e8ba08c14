import { Button, Stack, Text } from '@mantine/core';
import { errorMessage } from '../api-client';
import { useResendActivation } from '../session';

export function ResendActivation() {
  const resend = useResendActivation();
  return (
    <Stack gap="xs" align="flex-start">
      {resend.isSuccess ? (
        <Text fw={600} role="status">
          Письмо отправлено — откройте его и нажмите на ссылку.
        </Text>
      ) : (
        <>
          <Text size="sm">Письмо не пришло или ссылка устарела? Загляните в «Спам» или отправьте письмо ещё раз.</Text>
          <Button variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
            Отправить письмо ещё раз
          </Button>
        </>
      )}
      {resend.isError && (
        <Text c="red.9" role="alert">
          {errorMessage(resend.error)}
        </Text>
      )}
    </Stack>
  );
}

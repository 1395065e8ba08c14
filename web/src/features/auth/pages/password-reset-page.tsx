import { useRef } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { emailBodySchema } from '@common/schemas/identity.js';
import { errorMessage } from '@web/lib/api-client';
import { focusFirstInvalid, schemaErrors } from '@web/lib/forms';
import { FormAlert, PageTitle } from '@web/lib/components/page';
import { useRequestPasswordReset } from '../api/auth-api';

export function PasswordResetPage() {
  const request = useRequestPasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: (values) => schemaErrors(emailBodySchema, values),
  });

  if (request.isSuccess) {
    return (
      <Stack gap="md" maw={520}>
        <PageTitle>Проверьте почту</PageTitle>
        <Alert color="green" title="Запрос принят" role="status">
          Если этот адрес зарегистрирован, на него придёт письмо со ссылкой для нового пароля. Ссылка действует ограниченное
          время. Письма нет несколько минут — загляните в папку «Спам».
        </Alert>
        <Text>
          Родители входят через Госуслуги, и пароль им не нужен — <Anchor component={Link} to="/signin">вернуться ко входу</Anchor>.
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={520}>
      <PageTitle lead="Напишите адрес, с которым регистрировались, и мы пришлём ссылку, чтобы придумать новый пароль.">
        Восстановление пароля
      </PageTitle>
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => request.mutate(values.email),
          () => focusFirstInvalid(formRef.current),
        )}
      >
        <Stack gap="sm">
          <FormAlert message={request.isError ? errorMessage(request.error) : null} />
          <TextInput label="Электронная почта" type="email" autoComplete="email" {...form.getInputProps('email')} />
          <Button type="submit" loading={request.isPending}>
            Прислать ссылку
          </Button>
          <Anchor component={Link} to="/signin">
            Я вспомнил(а) пароль
          </Anchor>
        </Stack>
      </form>
    </Stack>
  );
}

import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { focusFirstInvalid, validateOnBlur } from '@web/lib/forms';
import { FormAlert, PageTitle } from '@web/lib/components/page';
import { PASSWORD_HINT, newPasswordErrors } from '@web/lib/password';
import { useSetPassword } from '../api/auth-api';

function BadLink({ message }: { message: string }) {
  return (
    <Alert color="red" title="Ссылка не работает" role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Anchor component={Link} to="/password/reset" size="sm" fw={600}>
          Получить новую ссылку
        </Anchor>
      </Stack>
    </Alert>
  );
}

export function NewPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const welcome = params.get('welcome') === '1';
  const setPassword = useSetPassword();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => newPasswordErrors(values.password),
    enhanceGetInputProps: validateOnBlur,
  });
  const title = welcome ? 'Придумай пароль для входа' : 'Новый пароль';

  if (!token) {
    return (
      <Stack gap="md" maw={520}>
        <PageTitle>{title}</PageTitle>
        <BadLink message="В ссылке не хватает части адреса. Откройте её из письма ещё раз или запросите новую." />
      </Stack>
    );
  }

  if (setPassword.isSuccess) {
    return (
      <Stack gap="md" maw={520}>
        <PageTitle>Пароль сохранён</PageTitle>
        <Text>Теперь войдите с адресом почты и новым паролем.</Text>
        <Button component={Link} to="/signin" style={{ alignSelf: 'flex-start' }}>
          Перейти ко входу
        </Button>
      </Stack>
    );
  }

  const linkProblem = setPassword.error instanceof ApiError && (setPassword.error.status === 410 || setPassword.error.status === 404);
  const fieldError = setPassword.error instanceof ApiError && setPassword.error.fields.password;

  return (
    <Stack gap="md" maw={520}>
      <PageTitle
        lead={
          welcome
            ? 'Родитель открыл для тебя кабинет в программе «Билет в будущее». Придумай пароль — с ним и своей почтой ты будешь входить в кабинет.'
            : 'Придумайте новый пароль. После этого войти можно будет только с ним — на всех устройствах.'
        }
      >
        {title}
      </PageTitle>
      {linkProblem ? (
        <BadLink message={errorMessage(setPassword.error)} />
      ) : (
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            (values) =>
              setPassword.mutate(
                { token, password: values.password },
                {
                  onError: (error) => {
                    if (error instanceof ApiError && error.fields.password) form.setFieldError('password', error.fields.password);
                  },
                },
              ),
            () => focusFirstInvalid(formRef.current),
          )}
        >
          <Stack gap="sm">
            <FormAlert message={setPassword.isError && !fieldError ? errorMessage(setPassword.error) : null} />
            <PasswordInput label="Пароль" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={setPassword.isPending}>
              Сохранить пароль
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { signInSchema } from '../../../../../common/schemas/identity.js';
import { errorMessage } from '../../../lib/api-client';
import { focusFirstInvalid, schemaErrors } from '../../../lib/forms';
import { FormAlert, PageTitle } from '../../../lib/components/page';
import { esiaSignInUrl, safeReturnPath } from '../../../lib/navigation';
import { homePathFor } from '../../../lib/session';
import { useSignIn } from '../api/auth-api';

export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('returnTo'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(signInSchema, values),
  });

  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      signIn.mutate(values, {
        onSuccess: ({ role }) => void navigate(returnTo ?? homePathFor(role), { replace: true }),
        onError: (error) => {
          setAlert(errorMessage(error));
          form.setFieldValue('password', '');
        },
      });
    },
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <Stack gap="lg">
      <PageTitle>Вход</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="password-sign-in">
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={2} id="password-sign-in">
                Школьникам и сотрудникам
              </Title>
              <FormAlert message={alert} />
              <TextInput label="Электронная почта" type="email" autoComplete="email" {...form.getInputProps('email')} />
              <PasswordInput label="Пароль" autoComplete="current-password" {...form.getInputProps('password')} />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                Войти
              </Button>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to="/password/reset">
                  Забыли пароль?
                </Anchor>
                <Anchor component={Link} to="/register">
                  Зарегистрироваться
                </Anchor>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="parent-sign-in" bg="bilet.0">
          <Stack gap="sm">
            <Title order={2} id="parent-sign-in">
              Родителям
            </Title>
            <Text>
              Родители входят только через Госуслуги: так мы точно знаем, что кабинет ребёнка связан именно с вами. Пароль
              придумывать не нужно.
            </Text>
            <Text>Если вы здесь впервые, кабинет откроется сам после входа — останется проверить данные.</Text>
            <Button component="a" href={esiaSignInUrl(returnTo)} fullWidth>
              Войти через Госуслуги
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Role } from '@common/roles.js';
import { signInSchema } from '@common/schemas/identity.js';
import { secondFactorCodeSchema, totpCodeSchema } from '@common/schemas/staff-access.js';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { TOTP_INPUT_PROPS, useCodeForm } from '@web/lib/code-form';
import { focusFirstInvalid, schemaErrors } from '@web/lib/forms';
import { FormAlert, PageTitle } from '@web/lib/components/page';
import { esiaSignInUrl, safeReturnPath } from '@web/lib/navigation';
import { homePathFor } from '@web/lib/session';
import { useSecondFactorSignIn, useSignIn } from '../api/auth-api';

/** The password was right and the account has a second factor: a code from the app, or a recovery code. */
function SecondFactorStep({ challenge, onSignedIn, onRestart }: { challenge: string; onSignedIn: (role: Role) => void; onRestart: (message: string | null) => void }) {
  const verify = useSecondFactorSignIn();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const { form, formRef, inputRef, alert, setAlert, failed, onSubmit } = useCodeForm(withRecoveryCode ? secondFactorCodeSchema : totpCodeSchema);

  useEffect(() => inputRef.current?.focus(), [withRecoveryCode]);

  const switchMode = () => {
    setWithRecoveryCode((v) => !v);
    setAlert(null);
    form.reset();
  };

  const submit = onSubmit((code) =>
    verify.mutate(
      { challenge, code },
      {
        onSuccess: ({ role }) => onSignedIn(role),
        onError: (error) => {
          // The challenge outlived its minutes: only the password step can start a new one.
          if (error instanceof ApiError && error.code === 'second_factor_challenge_invalid') onRestart(error.message);
          else failed(error);
        },
      },
    ),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="second-factor-title" maw={520}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="second-factor-title">
            Подтвердите вход
          </Title>
          <Text>
            {withRecoveryCode
              ? 'Введите один из резервных кодов, которые вы сохранили, когда включали вход с кодом. Каждый резервный код срабатывает один раз.'
              : 'Пароль верный. Откройте приложение-аутентификатор на телефоне и введите код, который оно показывает для «Билета в будущее».'}
          </Text>
          <FormAlert message={alert} />
          {withRecoveryCode ? (
            <TextInput
              key="recovery"
              ref={inputRef}
              label="Резервный код"
              description="Например, k7m2q-x9hta"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...form.getInputProps('code')}
            />
          ) : (
            <TextInput
              key="totp"
              ref={inputRef}
              label="Код из приложения"
              description="6 цифр"
              {...TOTP_INPUT_PROPS}
              {...form.getInputProps('code')}
            />
          )}
          <Button type="submit" loading={verify.isPending} fullWidth>
            Подтвердить
          </Button>
          <Group justify="space-between" gap="xs">
            <Anchor component="button" type="button" onClick={switchMode}>
              {withRecoveryCode ? 'Ввести код из приложения' : 'Нет доступа к приложению? Ввести резервный код'}
            </Anchor>
            <Anchor component="button" type="button" onClick={() => onRestart(null)}>
              Войти заново
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('returnTo'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const goHome = (role: Role) => void navigate(returnTo ?? homePathFor(role), { replace: true });
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(signInSchema, values),
  });

  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      signIn.mutate(values, {
        onSuccess: (answer) => {
          if (answer.secondFactorRequired) setChallenge(answer.challenge);
          else goHome(answer.role);
        },
        onError: (error) => {
          setAlert(errorMessage(error));
          form.setFieldValue('password', '');
        },
      });
    },
    () => focusFirstInvalid(formRef.current),
  );

  if (challenge) {
    return (
      <Stack gap="lg">
        <PageTitle>Вход</PageTitle>
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={goHome}
          onRestart={(message) => {
            setChallenge(null);
            setAlert(message);
            form.setFieldValue('password', '');
          }}
        />
      </Stack>
    );
  }

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

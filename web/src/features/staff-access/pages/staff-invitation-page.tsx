import { useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Card, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { StaffInvitationDetails } from '@common/schemas/staff-access.js';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { Fact } from '@web/lib/components/fact';
import { focusFirstInvalid, validateOnBlur } from '@web/lib/forms';
import { FormAlert, LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { PASSWORD_HINT, newPasswordErrors } from '@web/lib/password';
import { useSession } from '@web/lib/session';
import { useAcceptStaffInvitation, useStaffInvitation } from '../api/staff-access-api';

function LinkProblem({ title, message }: { title: string; message: string }) {
  return (
    <Stack gap="md" maw={640} align="flex-start">
      <PageTitle>{title}</PageTitle>
      <Text>{message}</Text>
      <Anchor component={Link} to="/signin" fw={600}>
        Перейти ко входу
      </Anchor>
    </Stack>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: StaffInvitationDetails }) {
  const accept = useAcceptStaffInvitation();
  const session = useSession();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: (values) => ({
      ...newPasswordErrors(values.password),
      ...(values.repeat !== values.password ? { repeat: 'Пароли не совпадают — введите тот же пароль ещё раз' } : {}),
    }),
    enhanceGetInputProps: validateOnBlur,
  });
  const fieldError = accept.error instanceof ApiError && accept.error.fields.password;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-title">
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            accept.mutate(
              { token, password: values.password },
              {
                onSuccess: () => void navigate('/staff', { replace: true }),
                onError: (error) => {
                  if (error instanceof ApiError && error.fields.password) form.setFieldError('password', error.fields.password);
                },
              },
            ),
          () => focusFirstInvalid(formRef.current),
        )}
      >
        <Stack gap="sm">
          <Title order={2} id="password-title">
            Придумайте пароль
          </Title>
          <Text>
            С ним и адресом <b>{invitation.email}</b> вы будете входить в кабинет. Затем вы примете согласие на обработку персональных
            данных{' '}
            {invitation.role === 'issuer_admin' || invitation.role === 'regional_coordinator'
              ? 'и настроите вход с кодом из приложения на телефоне — для вашей роли это обязательно.'
              : '— и кабинет откроется.'}
          </Text>
          {session.data && (
            <Alert color="orange" title="Сейчас открыт другой кабинет" role="status">
              На этом устройстве выполнен вход под другой учётной записью. Когда вы примете приглашение, она закроется и откроется ваш
              новый кабинет.
            </Alert>
          )}
          <FormAlert message={accept.isError && !fieldError ? errorMessage(accept.error) : null} />
          <PasswordInput label="Пароль" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label="Пароль ещё раз" autoComplete="new-password" {...form.getInputProps('repeat')} />
          <Button type="submit" loading={accept.isPending} style={{ alignSelf: 'flex-start' }}>
            Принять приглашение
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** The page the invitation e-mail links to: who invites whom and where, then a password. */
export function StaffInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useStaffInvitation(token);

  if (!token) {
    return <LinkProblem title="Приглашение не найдено" message="В ссылке не хватает части адреса. Откройте её из письма ещё раз — целиком." />;
  }
  if (invitation.isPending) return <PageLoader label="Проверяем приглашение…" />;
  if (invitation.isError) {
    const error = invitation.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <LinkProblem
          title="Приглашение не найдено"
          message="Проверьте, что ссылка из письма открыта целиком. Если не помогает, попросите того, кто вас пригласил, отправить приглашение ещё раз."
        />
      );
    }
    if (error instanceof ApiError && error.status === 410) return <LinkProblem title="Приглашение больше не действует" message={error.message} />;
    return <LoadError error={error} onRetry={() => void invitation.refetch()} />;
  }

  const details = invitation.data;
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle
        lead={`${details.inviterName ?? 'Оператор программы'} приглашает вас работать в платформе программы профориентации «Билет в будущее».`}
      >
        {`${details.firstName}, вас приглашают в «Билет в будущее»`}
      </PageTitle>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Fact label="Кого приглашают" value={`${details.lastName} ${details.firstName}`} />
        <Fact label="Роль" value={details.roleLabel} />
        <Fact label="Организация" value={details.organisation} />
        <Fact label="Адрес для входа" value={details.email} />
      </SimpleGrid>
      <AcceptForm token={token} invitation={details} />
    </Stack>
  );
}

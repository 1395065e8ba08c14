import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { emailBodySchema } from '@common/schemas/identity.js';
import { errorMessage } from '../api-client';
import { schemaErrors, useFormFeedback, validateOnBlur } from '../forms';
import { formatDate, plural } from '../format';
import { useInvitationAction, useInvitations, useSendInvitation, type Invitation, type InvitationStatus } from '../invitations';
import { FormAlert, LoadError, PageLoader } from './page';

const STATUS: Record<InvitationStatus, { label: string; color: string }> = {
  pending: { label: 'Ждёт ответа', color: 'bilet' },
  accepted: { label: 'Принято', color: 'green' },
  revoked: { label: 'Отозвано', color: 'gray' },
  expired: { label: 'Срок истёк', color: 'orange' },
};

function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return (
    <Badge color={STATUS[status].color} variant="light" size="lg" tt="none">
      {STATUS[status].label}
    </Badge>
  );
}

interface InviteFormProps {
  path: '/participant/invitations' | '/parent/invitations';
  description: string;
  /** Why inviting is not possible yet; the form stays visible so the person sees what comes next. */
  blockedReason?: string | null;
}

export function InviteForm({ path, description, blockedReason }: InviteFormProps) {
  const send = useSendInvitation(path);
  const form = useForm({
    initialValues: { email: '' },
    validate: (values) => schemaErrors(emailBodySchema, values),
    enhanceGetInputProps: validateOnBlur,
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    send.mutate(values.email.trim(), {
      onSuccess: (invitation) => {
        form.reset();
        notifications.show({ color: 'green', title: 'Приглашение отправлено', message: `Письмо ушло на ${invitation.email}` });
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{description}</Text>
        {blockedReason && (
          <Text fw={500} role="status">
            {blockedReason}
          </Text>
        )}
        <FormAlert message={feedback.alert} />
        <TextInput label="Электронная почта" type="email" autoComplete="off" disabled={Boolean(blockedReason)} {...form.getInputProps('email')} />
        <Group>
          <Button type="submit" loading={send.isPending} disabled={Boolean(blockedReason)}>
            Пригласить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InvitationItem({ invitation }: { invitation: Invitation }) {
  const resend = useInvitationAction('resend');
  const revoke = useInvitationAction('revoke');
  const open = invitation.status === 'pending' || invitation.status === 'expired';
  const failure = resend.error ?? revoke.error;

  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {invitation.email}
          </Text>
          <InvitationStatusBadge status={invitation.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {invitation.status === 'accepted' && invitation.acceptedAt
            ? `Принято ${formatDate(invitation.acceptedAt)}`
            : `Отправлено ${invitation.sentCount} ${plural(invitation.sentCount, ['раз', 'раза', 'раз'])}` +
              (invitation.status === 'pending' ? `, ссылка действует до ${formatDate(invitation.expiresAt)}` : '')}
        </Text>
        {failure && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(failure)}
          </Text>
        )}
        {open && (
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              loading={resend.isPending}
              disabled={revoke.isPending}
              onClick={() =>
                resend.mutate(invitation.id, {
                  onSuccess: () => notifications.show({ color: 'green', title: 'Отправили ещё раз', message: `Новая ссылка ушла на ${invitation.email}` }),
                })
              }
              aria-label={`Отправить ещё раз приглашение на ${invitation.email}`}
            >
              Отправить ещё раз
            </Button>
            {invitation.status === 'pending' && (
              <Button
                variant="subtle"
                color="red.9"
                size="xs"
                loading={revoke.isPending}
                disabled={resend.isPending}
                onClick={() => revoke.mutate(invitation.id)}
                aria-label={`Отозвать приглашение на ${invitation.email}`}
              >
                Отозвать
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function InvitationList({ emptyText }: { emptyText: string }) {
  const invitations = useInvitations();
  return (
    <Stack gap="sm">
      <Title order={3}>Отправленные приглашения</Title>
      {invitations.isPending && <PageLoader label="Загружаем приглашения…" />}
      {invitations.isError && <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && <Text>{emptyText}</Text>}
      {invitations.data && invitations.data.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {invitations.data.map((invitation) => (
            <InvitationItem key={invitation.id} invitation={invitation} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { suspendSchema } from '@common/schemas/organisations.js';
import { errorMessage } from '@web/lib/api-client';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormAlert } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useReactivateOrganisation, useSuspendOrganisation, type OrganisationCard } from '../api/organisations-api';

/** Seen by everyone who opens a suspended organisation, so nobody wonders why its staff cannot act. */
export function SuspendedBanner({ card }: { card: OrganisationCard }) {
  if (card.status !== 'suspended') return null;
  return (
    <Alert color="red" variant="light" title="Работа организации приостановлена" role="status">
      <Stack gap={4}>
        {card.suspendReason && <Text size="sm">{`Причина: ${card.suspendReason}`}</Text>}
        {card.suspendedAt && <Text size="sm">{`С ${formatDateTime(card.suspendedAt)}.`}</Text>}
        <Text size="sm">Сотрудники не могут работать в платформе, пока координатор не возобновит работу. Все данные сохранены.</Text>
      </Stack>
    </Alert>
  );
}

function SuspendDialog({ card, opened, onClose }: { card: OrganisationCard; opened: boolean; onClose: () => void }) {
  const suspend = useSuspendOrganisation(card.kind, card.id);
  const form = useForm({ initialValues: { reason: '' }, validate: (values) => schemaErrors(suspendSchema, values) });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit(({ reason }) => {
    feedback.setAlert(null);
    suspend.mutate(reason.trim(), {
      onSuccess: () => {
        notifications.show({ title: 'Работа приостановлена', message: card.name });
        form.reset();
        onClose();
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);
  return (
    <FormDialog opened={opened} onClose={onClose} title="Приостановить работу?">
      <form ref={feedback.ref} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">Сотрудники организации перестанут работать в платформе. Ничего не удалится: работу можно возобновить в любой момент.</Text>
          <Textarea label="Причина" description="Её увидят сотрудники организации" rows={4} required {...form.getInputProps('reason')} />
          <FormAlert message={feedback.alert} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red.9" loading={suspend.isPending}>
              Приостановить
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}

/** The coordinator's switch: suspend with a reason, or let the organisation work again. */
export function SuspensionControls({ card }: { card: OrganisationCard }) {
  const [suspending, setSuspending] = useState(false);
  const reactivate = useReactivateOrganisation(card.kind, card.id);
  if (card.status === 'suspended') {
    return (
      <Group>
        <Button
          loading={reactivate.isPending}
          onClick={() =>
            reactivate.mutate(undefined, {
              onSuccess: () => notifications.show({ color: 'green', title: 'Работа возобновлена', message: card.name }),
              onError: (error) => notifications.show({ color: 'red', title: 'Не получилось возобновить работу', message: errorMessage(error) }),
            })
          }
        >
          Возобновить работу
        </Button>
      </Group>
    );
  }
  return (
    <Group>
      <Button variant="outline" color="red.9" onClick={() => setSuspending(true)}>
        Приостановить работу
      </Button>
      <SuspendDialog card={card} opened={suspending} onClose={() => setSuspending(false)} />
    </Group>
  );
}

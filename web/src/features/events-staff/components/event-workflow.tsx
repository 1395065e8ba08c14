import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { EVENT_LIMITS } from '@common/events.js';
import { moveEventSchema, reasonSchema, returnEventSchema, type StaffEventDetail } from '@common/schemas/events.js';
import { errorMessage } from '@web/lib/api-client';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useWorkflowStep } from '../api/events-staff-api';
import { localInstant, splitInstant } from '../schedule';
import { ClockInput, DayInput } from './date-time-inputs';

type Step = ReturnType<typeof useWorkflowStep>;

function ReturnForm({ step, onDone, onCancel }: { step: Step; onDone: () => void; onCancel: () => void }) {
  const form = useForm({ initialValues: { comment: '' }, validate: (values) => schemaErrors(returnEventSchema, values) });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    step.mutate({ step: 'return', body: { comment: values.comment.trim() } }, { onSuccess: onDone, onError: feedback.onError });
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Textarea
          label="Что нужно исправить"
          description="Площадка увидит комментарий в карточке мероприятия и сможет отправить его снова"
          rows={3}
          maxLength={EVENT_LIMITS.reason.max}
          size="md"
          data-autofocus
          {...form.getInputProps('comment')}
        />
        <FormFooter alert={feedback.alert} pending={step.isPending} submitLabel="Вернуть на доработку" onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function MoveForm({ event, step, onDone, onCancel }: { event: StaffEventDetail; step: Step; onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    initialValues: { ...splitInstant(event.startsAt), reason: '' } as { date: string | null; time: string; reason: string },
    validate: (values) =>
      schemaErrors(moveEventSchema, { startsAt: values.date ? localInstant(values.date, values.time) : undefined, reason: values.reason }, (path) =>
        path === 'startsAt' ? 'date' : path,
      ),
  });
  const feedback = useFormFeedback(form, (field) => (field === 'startsAt' ? 'date' : field === 'reason' ? 'reason' : null));
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    if (!values.date) return;
    step.mutate(
      { step: 'move', body: { startsAt: localInstant(values.date, values.time), reason: values.reason.trim() } },
      { onSuccess: onDone, onError: feedback.onError },
    );
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="orange.9" variant="light" title="Семьи получат уведомление">
          Родителей всех записанных детей попросят подтвердить участие в новое время заново. Кто не подтвердит, освободит место.
        </Alert>
        <Group align="flex-start" gap="sm">
          <DayInput label="Новая дата" required data-autofocus {...form.getInputProps('date')} />
          <ClockInput label="Новое время начала" required {...form.getInputProps('time')} />
        </Group>
        <Textarea
          label="Причина переноса"
          description="Её увидят родители и ученики"
          rows={2}
          maxLength={EVENT_LIMITS.reason.max}
          size="md"
          required
          {...form.getInputProps('reason')}
        />
        <FormFooter alert={feedback.alert} pending={step.isPending} submitLabel="Перенести" onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function CancelDialog({ opened, step, onDone, onClose }: { opened: boolean; step: Step; onDone: () => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    const parsed = reasonSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    step.mutate({ step: 'cancel', body: parsed.data }, { onSuccess: onDone, onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <ConfirmDialog opened={opened} title="Отменить мероприятие?" confirmLabel="Отменить мероприятие" loading={step.isPending} onConfirm={confirm} onClose={onClose}>
      <Stack gap="sm">
        <Text>Отмену не вернуть. Родители всех записанных детей и дети из листа ожидания получат уведомление с причиной.</Text>
        <Textarea
          label="Причина отмены"
          rows={2}
          maxLength={EVENT_LIMITS.reason.max}
          size="md"
          value={reason}
          error={error}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
      </Stack>
    </ConfirmDialog>
  );
}

const DONE: Record<'submit' | 'approve' | 'publish' | 'return' | 'move' | 'cancel', string> = {
  submit: 'Отправлено на согласование',
  approve: 'Мероприятие согласовано',
  publish: 'Мероприятие опубликовано: его видно в каталоге',
  return: 'Мероприятие возвращено на доработку',
  move: 'Мероприятие перенесено, семьи получат уведомление',
  cancel: 'Мероприятие отменено, семьи получат уведомление',
};

/** The buttons of the approval workflow the server allows this person now, with their dialogs. */
export function EventWorkflow({ event }: { event: StaffEventDetail }) {
  const step = useWorkflowStep(event.id);
  const [dialog, setDialog] = useState<null | 'return' | 'move' | 'cancel'>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const can = (action: StaffEventDetail['actions'][number]) => event.actions.includes(action);
  const done = (key: keyof typeof DONE) => () => {
    setDialog(null);
    notifications.show({ color: 'green', title: DONE[key], message: event.title });
  };
  const run = (key: 'submit' | 'approve' | 'publish') => {
    setFailure(null);
    step.mutate({ step: key }, { onSuccess: done(key), onError: (e) => setFailure(errorMessage(e)) });
  };
  const pendingStep = step.isPending ? step.variables?.step : null;

  if (!['edit', 'submit', 'approve', 'return', 'publish', 'move', 'cancel'].some((a) => can(a as StaffEventDetail['actions'][number]))) return null;

  return (
    <Stack gap="sm">
      <Group gap="sm">
        {can('edit') && (
          <Button component={Link} to={`/staff/events/${event.id}/edit`} variant="outline">
            Изменить
          </Button>
        )}
        {can('submit') && (
          <Button loading={pendingStep === 'submit'} onClick={() => run('submit')}>
            Отправить на согласование
          </Button>
        )}
        {can('approve') && (
          <Button loading={pendingStep === 'approve'} onClick={() => run('approve')}>
            Согласовать
          </Button>
        )}
        {can('return') && (
          <Button variant="outline" onClick={() => setDialog('return')}>
            Вернуть на доработку
          </Button>
        )}
        {can('publish') && (
          <Button loading={pendingStep === 'publish'} onClick={() => run('publish')}>
            Опубликовать
          </Button>
        )}
        {can('move') && (
          <Button variant="outline" onClick={() => setDialog('move')}>
            Перенести
          </Button>
        )}
        {can('cancel') && (
          <Button variant="outline" color="red.9" onClick={() => setDialog('cancel')}>
            Отменить
          </Button>
        )}
      </Group>
      {failure && (
        <Alert color="red" title="Не получилось" role="alert" withCloseButton closeButtonLabel="Скрыть сообщение" onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      <FormDialog opened={dialog === 'return'} onClose={() => setDialog(null)} title="Вернуть на доработку">
        <ReturnForm step={step} onDone={done('return')} onCancel={() => setDialog(null)} />
      </FormDialog>
      <FormDialog opened={dialog === 'move'} onClose={() => setDialog(null)} title="Перенести мероприятие">
        <MoveForm event={event} step={step} onDone={done('move')} onCancel={() => setDialog(null)} />
      </FormDialog>
      <CancelDialog opened={dialog === 'cancel'} step={step} onDone={done('cancel')} onClose={() => setDialog(null)} />
    </Stack>
  );
}

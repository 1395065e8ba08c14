import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { ATTENDANCE_LABELS, HOLD_HOURS, MENTOR_GRADE_LABELS, type EnrolmentStatus } from '@common/events.js';
import type { EnrolmentView } from '@common/schemas/events.js';
import { errorMessage } from '../api-client';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FormAlert } from '../components/page';
import { calendarUrl, useEnrolmentAction } from './pupil-events-api';
import { formatPlace, formatTimeLeft, formatWhen } from '../event-format';
import { StatusBadge } from './status-badge';

export type Viewer = 'pupil' | 'parent';

const CANCELLABLE: readonly EnrolmentStatus[] = ['held', 'confirmed', 'waitlisted'];

function HoldNotice({ item, viewer }: { item: EnrolmentView; viewer: Viewer }) {
  const left = item.holdExpiresAt ? formatTimeLeft(item.holdExpiresAt) : null;
  const time = left ? `Осталось ${left}.` : `Место держится ${HOLD_HOURS} часов.`;
  return viewer === 'parent' ? (
    <Text size="sm">{`Ребёнок хочет пойти на это мероприятие. Согласуйте запись, пока за ним держится место. ${time}`}</Text>
  ) : (
    <Text size="sm">{`Ждём согласия родителя: он увидит запрос в своём кабинете. ${time}`}</Text>
  );
}

function PastOutcome({ item }: { item: EnrolmentView }) {
  const grade = item.mentorGrade as keyof typeof MENTOR_GRADE_LABELS | null;
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>Посещение:</b> {item.attendance ? ATTENDANCE_LABELS[item.attendance] : 'наставник ещё не отметил'}
      </Text>
      {grade !== null && MENTOR_GRADE_LABELS[grade] && (
        <Text size="sm">
          <b>{`Оценка наставника: ${grade} из 5`}</b> — {MENTOR_GRADE_LABELS[grade]}
        </Text>
      )}
      {item.feedback && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            Отзыв наставника
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {item.feedback}
          </Text>
        </Stack>
      )}
      {item.observedSkills.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            Наставник заметил навыки
          </Text>
          <Group gap={6}>
            {item.observedSkills.map((s) => (
              <Badge key={s.code} variant="light" tt="none">
                {s.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {!item.feedback && item.mentorGrade === null && <Text size="sm">Наставник ещё не оставил отзыв — он появится здесь.</Text>}
    </Stack>
  );
}

interface Props {
  item: EnrolmentView;
  viewer: Viewer;
  past?: boolean;
  headingOrder?: TitleOrder;
  /** Where the event's own page is, for the pupil who may enrol from there. */
  eventHref?: string;
}

/** One enrolment with what its viewer may do now: agree, reconfirm after a move, cancel, save to the calendar. */
export function EnrolmentItem({ item, viewer, past = false, headingOrder = 3, eventHref }: Props) {
  // Both free the seat for someone else, so each asks once more; a failure closes the dialog to show its message on the card.
  const [confirming, setConfirming] = useState<'cancel' | 'decline' | null>(null);
  const approve = useEnrolmentAction('approve');
  const decline = useEnrolmentAction('decline');
  const cancel = useEnrolmentAction('cancel');
  const reconfirm = useEnrolmentAction('reconfirm');
  const failed = [approve, decline, cancel, reconfirm].find((m) => m.isError);
  const { event } = item;
  const place = formatPlace(event);
  const askParent = viewer === 'parent' && item.status === 'held';
  const live = !past && CANCELLABLE.includes(item.status) && event.status !== 'cancelled';

  return (
    <Card withBorder padding="md" component="article" aria-label={event.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Title order={headingOrder} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {eventHref ? (
                <Anchor component={Link} to={eventHref} inherit>
                  {event.title}
                </Anchor>
              ) : (
                event.title
              )}
            </Title>
            <Text size="sm">{formatWhen(event)}</Text>
            <Text size="sm" c="dimmed">
              {[event.competency.name, place ?? (event.format === 'online' ? 'онлайн' : null)].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          {!past && <StatusBadge status={item.status} />}
        </Group>

        {event.status === 'cancelled' && !past && (
          <Alert color="red" title="Мероприятие отменено" role="status">
            {event.changeReason ?? 'Организаторы отменили это мероприятие.'}
          </Alert>
        )}
        {item.endReason === 'consent_withdrawn' && !past && (
          <Alert color="gray" title="Запись отменена" role="status">
            {viewer === 'parent'
              ? 'Вы отозвали согласие на обработку персональных данных ребёнка, поэтому запись отменена и место передано другим. Новое согласие запись не вернёт.'
              : 'Родитель отозвал согласие на обработку твоих персональных данных, поэтому запись отменена. Новое согласие её не вернёт.'}
          </Alert>
        )}
        {item.status === 'held' && !past && <HoldNotice item={item} viewer={viewer} />}
        {item.status === 'waitlisted' && !past && (
          <Text size="sm">Когда освободится место, запись подтвердится сама — мы пришлём уведомление.</Text>
        )}

        {item.reconfirmRequired && live && (
          <Alert color="orange" title="Мероприятие перенесли" role="status">
            <Stack gap="xs">
              <Text size="sm">{event.changeReason ? `Причина: ${event.changeReason}` : 'Организаторы изменили время.'}</Text>
              <Text size="sm">{viewer === 'parent' ? `Новое время: ${formatWhen(event)}. Подтвердите, что ребёнок придёт, или отмените запись.` : `Новое время: ${formatWhen(event)}. Подтверди, что придёшь, или отмени запись.`}</Text>
              <Group gap="sm">
                <Button onClick={() => reconfirm.mutate(item.id)} loading={reconfirm.isPending}>
                  Подтвердить участие
                </Button>
                <Button variant="outline" color="red.9" onClick={() => setConfirming('cancel')}>
                  Отменить запись
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {past && <PastOutcome item={item} />}

        {live && !item.reconfirmRequired && (
          <Group gap="sm">
            {askParent ? (
              <>
                <Button onClick={() => approve.mutate(item.id)} loading={approve.isPending}>
                  Согласовать
                </Button>
                <Button variant="outline" color="red.9" onClick={() => setConfirming('decline')}>
                  Отклонить
                </Button>
              </>
            ) : (
              <>
                {item.status === 'confirmed' && (
                  <Button component="a" href={calendarUrl(item.id)} download variant="light">
                    Добавить в календарь
                  </Button>
                )}
                <Button variant="subtle" color="red.9" onClick={() => setConfirming('cancel')}>
                  {item.status === 'held' ? 'Отозвать запрос' : 'Отменить запись'}
                </Button>
              </>
            )}
          </Group>
        )}
        {failed && <FormAlert message={errorMessage(failed.error)} />}
      </Stack>

      <ConfirmDialog
        opened={confirming === 'cancel'}
        title="Отменить запись?"
        confirmLabel="Отменить запись"
        loading={cancel.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => cancel.mutate(item.id, { onSettled: () => setConfirming(null) })}
      >
        {`«${event.title}», ${formatWhen(event)}. Место освободится для другого участника, и вернуть его может не получиться.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'decline'}
        title="Не согласовывать запись?"
        confirmLabel="Отклонить"
        loading={decline.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => decline.mutate(item.id, { onSettled: () => setConfirming(null) })}
      >
        {`«${event.title}», ${formatWhen(event)}. Ребёнок не пойдёт на это мероприятие, а место отдадут другому участнику.`}
      </ConfirmDialog>
    </Card>
  );
}

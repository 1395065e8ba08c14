import { useId } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { ELIGIBILITY_TEXTS } from '@common/events.js';
import type { ChildEligibility, EnrolmentResult } from '@common/schemas/events.js';
import { errorMessage } from '@web/lib/api-client';
import { offersWaitlist, refusedCondition, type EnrolInput } from '../api/events-api';
import { StatusBadge } from '@web/lib/pupil-events/status-badge';

interface Props {
  child: ChildEligibility;
  /** «Записать ребенка» for a parent, «Записаться» for a pupil. */
  label: string;
  enrol: UseMutationResult<EnrolmentResult, Error, EnrolInput>;
  /** Sent by a parent; a pupil enrols itself and sends none. */
  childId?: string;
}

/**
 * The enrolment button under the checklist. A failed condition disables it and says why; a full
 * event offers the waiting list instead, whether the card already said so or the server did on
 * the click (someone took the last seat in the meantime).
 */
export function EnrolControls({ child, label, enrol, childId }: Props) {
  const reasonId = useId();
  if (child.enrolment) {
    return (
      <Stack gap="xs" align="flex-start">
        <Text>Уже есть запись на это мероприятие:</Text>
        <StatusBadge status={child.enrolment.status} />
      </Stack>
    );
  }

  const blocking = child.checks.find((c) => !c.ok && c.condition !== 'seat');
  const full = child.checks.some((c) => !c.ok && c.condition === 'seat') || offersWaitlist(enrol.error);
  const refused = enrol.isError && !offersWaitlist(enrol.error) ? refusedCondition(enrol.error) : null;
  const join = () => enrol.mutate({ childId, waitlist: true });

  if (blocking) {
    return (
      <Stack gap="xs" align="flex-start">
        <Button size="lg" disabled aria-describedby={reasonId}>
          {label}
        </Button>
        <Text id={reasonId} size="sm">{`Записать пока нельзя: ${ELIGIBILITY_TEXTS[blocking.condition].failed.toLowerCase()}. ${ELIGIBILITY_TEXTS[blocking.condition].remedy}.`}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" align="flex-start">
      {full ? (
        <>
          <Alert color="orange" title="Свободных мест нет" role="status">
            {`${ELIGIBILITY_TEXTS.seat.remedy}.`}
          </Alert>
          <Button size="lg" onClick={join} loading={enrol.isPending}>
            Встать в лист ожидания
          </Button>
        </>
      ) : (
        <Button size="lg" onClick={() => enrol.mutate({ childId })} loading={enrol.isPending}>
          {label}
        </Button>
      )}
      {enrol.isError && !offersWaitlist(enrol.error) && (
        <Alert color="red" title="Не получилось записаться" role="alert">
          {errorMessage(enrol.error)}
          {refused && ` ${ELIGIBILITY_TEXTS[refused].remedy}.`}
        </Alert>
      )}
    </Stack>
  );
}

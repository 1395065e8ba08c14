import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { HOLD_HOURS } from '@common/events.js';
import type { EnrolmentResult } from '@common/schemas/events.js';
import { ApiError } from '@web/lib/api-client';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { BackLink } from '@web/lib/components/back-link';
import { useEnrolFromCard, useEventCard } from '../api/events-api';
import { calendarUrl } from '@web/lib/pupil-events/pupil-events-api';
import { EligibilityChecklist } from '../components/eligibility-checklist';
import { EnrolControls } from '../components/enrol-controls';
import { EventDetails } from '../components/event-details';

function Requested({ result }: { result: EnrolmentResult }) {
  const { status, id } = result.enrolment;
  if (status === 'waitlisted') {
    return (
      <Alert color="orange" title="Ты в листе ожидания" role="status">
        Когда освободится место, мы пришлём уведомление. Родителю тоже нужно будет согласовать запись.
      </Alert>
    );
  }
  if (status === 'confirmed') {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="green" title="Запись подтверждена" role="status" w="100%">
          Мероприятие появилось в разделе «Запланированные».
        </Alert>
        <Button component="a" href={calendarUrl(id)} download variant="light">
          Добавить в календарь
        </Button>
      </Stack>
    );
  }
  return (
    <Alert color="orange" title="Ждём согласия родителя" role="status">
      {`Место за тобой держится ${HOLD_HOURS} часов. За это время родитель должен согласовать запись в своём кабинете — мы уже отправили ему уведомление. Если родитель не успеет, место освободится для других.`}
    </Alert>
  );
}

/** /participant/events/:eventId — the card, the pupil's own checklist and the request for a seat. */
export function EventPage() {
  const { eventId = '' } = useParams();
  const card = useEventCard(eventId);
  const enrol = useEnrolFromCard(eventId);

  if (card.isPending) return <PageLoader label="Загружаем мероприятие…" />;
  if (card.isError) {
    if (card.error instanceof ApiError && (card.error.status === 404 || card.error.status === 400)) {
      return (
        <Stack gap="md" maw={640} align="flex-start">
          <PageTitle>Мероприятие не найдено</PageTitle>
          <Text>Возможно, его отменили или ссылка неполная. Выбери другое в каталоге.</Text>
          <Button component={Link} to="/participant/events/catalogue">
            К каталогу мероприятий
          </Button>
        </Stack>
      );
    }
    return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  }
  const { event, children } = card.data;
  const self = children[0];

  return (
    <Stack gap="xl" maw={760}>
      <Stack gap="xs">
        <BackLink to="/participant/events/catalogue">Каталог мероприятий</BackLink>
        <PageTitle>{event.title}</PageTitle>
      </Stack>
      <EventDetails event={event} />
      {self && event.status !== 'cancelled' && (
        <Card withBorder padding="lg" component="section" aria-labelledby="enrol-title">
          <Stack gap="md">
            <Title order={2} id="enrol-title">
              Запись
            </Title>
            {enrol.isSuccess ? (
              <Requested result={enrol.data} />
            ) : (
              <>
                <Text>{`Записаться можно, когда выполнены все условия. После записи место держится ${HOLD_HOURS} часов, пока родитель не согласует участие.`}</Text>
                <EligibilityChecklist checks={self.checks} />
                <EnrolControls child={self} label="Записаться" enrol={enrol} />
              </>
            )}
            <Group>
              <Button component={Link} to="/participant/events" variant="subtle">
                Мои мероприятия
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

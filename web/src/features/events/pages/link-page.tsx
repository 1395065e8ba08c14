import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EVENT_FORMAT_LABELS } from '@common/events.js';
import type { ChildEligibility, EnrolmentResult, EventCard } from '@common/schemas/events.js';
import { ApiError } from '@web/lib/api-client';
import { EsiaNotice } from '@web/lib/components/esia-notice';
import { Fact } from '@web/lib/components/fact';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { esiaSignInUrl } from '@web/lib/navigation';
import { useSession } from '@web/lib/session';
import { useEnrolByLink, useLinkCard, useLinkSummary } from '../api/events-api';
import { calendarUrl } from '@web/lib/pupil-events/pupil-events-api';
import { ChildPicker } from '../components/child-picker';
import { EligibilityChecklist } from '../components/eligibility-checklist';
import { EnrolControls } from '../components/enrol-controls';
import { EventDetails } from '../components/event-details';
import { formatDuration, formatGrades, formatPlace, formatSeats, formatWhen } from '@web/lib/event-format';

/**
 * A school's link reaches parents in messengers, often before they have signed in: they see the
 * lesson first (nothing personal is on it), then sign in through Госуслуги, which brings them back
 * to this very card (the server keeps returnTo) — after a cancel too, with a word about it.
 */
function SignInFirst({ token }: { token: string }) {
  const summary = useLinkSummary(token);
  if (summary.isPending) return <PageLoader label="Открываем карточку мероприятия…" />;
  if (summary.isError) {
    const status = summary.error instanceof ApiError ? summary.error.status : 0;
    if (status === 404 || status === 400) return <LinkNotFound message={summary.error.message} />;
    return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const lesson = summary.data;
  const place = lesson.school?.name ?? (lesson.place ? `${lesson.place.name}, ${lesson.place.address}, ${lesson.place.cityName}` : null);
  return (
    <Stack gap="xl" maw={760}>
      <PageTitle>{lesson.title}</PageTitle>
      <EsiaNotice />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Fact label="Когда (время московское)" value={formatWhen(lesson)} />
        <Fact label="Продолжительность" value={formatDuration(lesson.durationMinutes)} />
        <Fact label="Компетенция" value={`${lesson.competency.name} (${lesson.competency.sphereName})`} />
        <Fact label="Формат" value={EVENT_FORMAT_LABELS[lesson.format]} />
        {place && <Fact label={lesson.school ? 'Школа' : 'Место'} value={place} />}
        <Fact label="Площадка" value={lesson.venue.name} />
        <Fact label="Для кого" value={formatGrades(lesson)} />
        <Fact label="Места" value={formatSeats(lesson)} />
      </SimpleGrid>
      <Card withBorder padding="lg" component="section" aria-labelledby="enrol-title">
        <Stack gap="md" align="flex-start">
          <Title order={2} id="enrol-title">
            Запись
          </Title>
          {lesson.status === 'cancelled' ? (
            <Text>Записаться нельзя: мероприятие отменено.</Text>
          ) : (
            <>
              <Text>
                Записать ребёнка может родитель, вошедший через Госуслуги: так мы узнаём вас, показываем ваших детей и проверяем
                для каждого условия записи. После входа эта страница откроется снова.
              </Text>
              <Button component="a" href={esiaSignInUrl(`/e/${token}`)} size="lg">
                Войти через Госуслуги
              </Button>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function ParentsOnly({ returnTo }: { returnTo: string }) {
  return (
    <Stack gap="md" maw={640} align="flex-start">
      <PageTitle>Эта ссылка — для родителей</PageTitle>
      <Text>
        По ней мама, папа или другой законный представитель записывает ребёнка на мероприятие. Если вы ученик — перешлите ссылку
        родителю. Записаться самому можно в каталоге мероприятий вашего кабинета.
      </Text>
      <Text>Если вы родитель, войдите через Госуслуги — откроется ваш кабинет и эта же страница.</Text>
      <Button component="a" href={esiaSignInUrl(returnTo)}>
        Я родитель — войти через Госуслуги
      </Button>
    </Stack>
  );
}

function LinkNotFound({ message }: { message: string }) {
  return (
    <Stack gap="md" maw={640}>
      <PageTitle>Ссылка не действует</PageTitle>
      <Alert color="red" title="Не получилось открыть запись" role="alert">
        {message}
      </Alert>
      <Text>
        Проверьте, что ссылка скопирована целиком. Если не помогает — попросите в школе новую ссылку у классного руководителя или
        ответственного за урок.
      </Text>
    </Stack>
  );
}

function Enrolled({ event, result, childName, onAnother }: { event: EventCard; result: EnrolmentResult; childName: string; onAnother: (() => void) | null }) {
  const { enrolment } = result;
  const waitlisted = enrolment.status === 'waitlisted';
  const place = formatPlace(event);
  return (
    <Stack gap="md" align="flex-start">
      <Alert color={waitlisted ? 'orange' : 'green'} title={waitlisted ? 'Ребёнок в листе ожидания' : 'Ребёнок записан'} role="status" w="100%">
        <Stack gap={4}>
          <Text size="sm">{`${childName} — «${event.title}»`}</Text>
          <Text size="sm">{formatWhen(event)}</Text>
          {place && <Text size="sm">{place}</Text>}
          {waitlisted && <Text size="sm">Когда освободится место, запись подтвердится сама — мы пришлём уведомление.</Text>}
        </Stack>
      </Alert>
      <Text>Мероприятие появится в вашем кабинете и в кабинете ребёнка в разделе «Запланированные».</Text>
      <Group gap="sm">
        {!waitlisted && (
          <Button component="a" href={calendarUrl(enrolment.id)} download>
            Добавить в календарь
          </Button>
        )}
        <Button component={Link} to="/parent" variant="light">
          Перейти в кабинет
        </Button>
        {onAnother && (
          <Button variant="subtle" onClick={onAnother}>
            Записать другого ребёнка
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Enrolment({ token, event, items }: { token: string; event: EventCard; items: ChildEligibility[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const enrol = useEnrolByLink(token);
  const childId = items.length === 1 ? items[0]!.childId : picked;
  const child = items.find((c) => c.childId === childId) ?? null;

  if (items.length === 0) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>В вашем кабинете пока нет ни одного ребёнка. Сначала свяжите свой кабинет с кабинетом ребёнка, потом вернитесь по этой ссылке.</Text>
        <Button component={Link} to="/parent">
          Перейти в кабинет
        </Button>
      </Stack>
    );
  }
  if (enrol.error instanceof ApiError && enrol.error.status === 401) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>Вход на этом устройстве закончился. Войдите через Госуслуги ещё раз — вы вернётесь к этой карточке.</Text>
        <Button component="a" href={esiaSignInUrl(`/e/${token}`)}>
          Войти через Госуслуги
        </Button>
      </Stack>
    );
  }
  if (enrol.isSuccess && child) {
    const another = items.some((c) => c.childId !== child.childId && !c.enrolment);
    return (
      <Enrolled
        event={event}
        result={enrol.data}
        childName={child.name}
        onAnother={
          another
            ? () => {
                enrol.reset();
                setPicked(null);
              }
            : null
        }
      />
    );
  }
  return (
    <Stack gap="lg">
      {items.length > 1 && (
        <ChildPicker
          items={items}
          value={picked}
          onChange={(id) => {
            // A refusal was about the previous child; the new one starts clean.
            enrol.reset();
            setPicked(id);
          }}
        />
      )}
      {child && (
        <Stack gap="md">
          <Title order={3}>{`Проверка условий для ребёнка: ${child.name}, ${child.grade} класс`}</Title>
          <EligibilityChecklist checks={child.checks} />
          <EnrolControls child={child} label="Записать ребенка" enrol={enrol} childId={child.childId} />
        </Stack>
      )}
    </Stack>
  );
}

function LinkCardView({ token }: { token: string }) {
  const card = useLinkCard(token);
  if (card.isPending) return <PageLoader label="Открываем карточку мероприятия…" />;
  if (card.isError) {
    const status = card.error instanceof ApiError ? card.error.status : 0;
    if (status === 401) return <SignInFirst token={token} />;
    if (status === 403) return <ParentsOnly returnTo={`/e/${token}`} />;
    if (status === 404 || status === 400) return <LinkNotFound message={card.error.message} />;
    return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  }
  const { event, children } = card.data;
  return (
    <Stack gap="xl" maw={760}>
      <PageTitle>{event.title}</PageTitle>
      <EventDetails event={event} />
      <Card withBorder padding="lg" component="section" aria-labelledby="enrol-title">
        <Stack gap="md">
          <Title order={2} id="enrol-title">
            Запись
          </Title>
          {event.status === 'cancelled' ? <Text>Записаться нельзя: мероприятие отменено.</Text> : <Enrolment token={token} event={event} items={children} />}
        </Stack>
      </Card>
    </Stack>
  );
}

/** /e/:token — the lesson's card behind the school's link, where a parent enrols a child (seed 000). */
export function LinkPage() {
  const { token = '' } = useParams();
  const session = useSession();
  const returnTo = `/e/${token}`;

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  const account = session.data;
  if (!account) return <SignInFirst token={token} />;
  if (account.role === 'parent' && account.status === 'pending') {
    return (
      <Stack gap="md" maw={640} align="flex-start">
        <PageTitle>Запись на мероприятие</PageTitle>
        <Text>Сначала проверьте данные, которые пришли из Госуслуг, — это займёт минуту. Потом вы вернётесь к записи.</Text>
        <Button component={Link} to={`/parent/confirm?returnTo=${encodeURIComponent(returnTo)}`}>
          Проверить мои данные
        </Button>
      </Stack>
    );
  }
  if (account.role !== 'parent') return <ParentsOnly returnTo={returnTo} />;
  return <LinkCardView token={token} />;
}

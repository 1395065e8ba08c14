import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Badge, Button, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EVENT_FORMAT_LABELS } from '@common/events.js';
import { EDUCATION_LEVEL_LABELS, OPPORTUNITY_KIND_LABELS, type OpportunitySummary, type Recommendations } from '@common/guidance.js';
import { errorMessage } from '@web/lib/api-client';
import { formatGrades, formatPlace, formatSeats, formatWhen } from '@web/lib/event-format';
import { formatDate, plural } from '@web/lib/format';
import { attemptPath, useStartTest, type Dismissal } from '../api/guidance-api';
import { ItemCard } from './item-card';
import type { Viewer } from './labels';
import { ProfilePicture } from './profile-picture';

export interface DismissTarget extends Dismissal {
  title: string;
}

interface Props {
  data: Recommendations;
  viewer: Viewer;
  /** The pupil's «Не интересно»; a parent reads only and gets none. */
  onDismiss?: (target: DismissTarget) => void;
  dismissPending?: boolean;
}

function DismissButton({ target, onDismiss, pending }: { target: DismissTarget; onDismiss: (t: DismissTarget) => void; pending: boolean }) {
  return (
    <Button variant="subtle" color="gray.8" size="sm" disabled={pending} onClick={() => onDismiss(target)} aria-label={`Не интересно: ${target.title}`}>
      Не интересно
    </Button>
  );
}

function Section({ id, title, lead, empty, children }: { id: string; title: string; lead: string; empty: ReactNode | null; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} id={id}>
        {title}
      </Title>
      <Text size="sm">{lead}</Text>
      {empty ?? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {children}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function StartTest({ slug, title }: { slug: string; title: string }) {
  const start = useStartTest();
  const navigate = useNavigate();
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="sm"
        aria-label={`Пройти: ${title}`}
        loading={start.isPending}
        onClick={() => start.mutate(slug, { onSuccess: ({ attemptId }) => void navigate(attemptPath(attemptId)) })}
      >
        Пройти
      </Button>
      {start.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(start.error)}
        </Text>
      )}
    </Stack>
  );
}

function opportunityFacts(o: OpportunitySummary): Array<string | null> {
  const when = o.startsOn ? (o.endsOn && o.endsOn !== o.startsOn ? `${formatDate(o.startsOn)} — ${formatDate(o.endsOn)}` : formatDate(o.startsOn)) : null;
  return [OPPORTUNITY_KIND_LABELS[o.kind], o.provider, o.online ? 'онлайн' : o.cityName, o.free ? 'бесплатно' : 'платно', when];
}

const minutes = (n: number) => `около ${n} ${plural(n, ['минуты', 'минут', 'минут'])}`;

/**
 * The recommendations with each item's reason: next tests, trials, the region's opportunities and
 * professions. The same for the pupil and a parent, worded for each; only the pupil acts on them.
 */
export function RecommendationsView({ data, viewer, onDismiss, dismissPending = false }: Props) {
  const pupil = viewer === 'pupil';
  const dismiss = (target: DismissTarget) => onDismiss && <DismissButton target={target} onDismiss={onDismiss} pending={dismissPending} />;
  const nothing = (text: string) => <Text c="gray.7">{text}</Text>;

  return (
    <Stack gap="xl">
      <ProfilePicture profile={data.profile} viewer={viewer} />

      {data.profile.testsCompleted === 0 && (
        <Alert color="blue" title={pupil ? 'Начни с первого теста' : 'Ребёнок ещё не прошёл ни одного теста'} role="status">
          {pupil ? (
            <Text size="sm">
              Рекомендации строятся по твоим тестам, играм и пробам. Пройди первый тест — и список станет точнее.{' '}
              <Anchor component={Link} to="/participant/diagnostics" size="sm" underline="always">
                Выбрать тест
              </Anchor>
            </Text>
          ) : (
            <Text size="sm">Рекомендации строятся по тестам, играм и пробам. Предложите ребёнку пройти первый тест в его кабинете — и список станет точнее.</Text>
          )}
        </Alert>
      )}

      <Section
        id="rec-tests"
        title="Следующие тесты"
        lead={pupil ? 'Эти тесты лучше всего уточнят картину о тебе.' : 'Эти тесты лучше всего уточнят картину о ребёнке.'}
        empty={data.tests.length === 0 ? nothing(pupil ? 'Все подходящие тесты пройдены — отличная работа!' : 'Все подходящие тесты пройдены.') : null}
      >
        {data.tests.map((t) => (
          <ItemCard
            key={t.slug}
            id={`rec-test-${t.slug}`}
            title={t.title}
            facts={[t.kind === 'game' ? 'Игра' : 'Тест', minutes(t.durationMinutes)]}
            reason={t.reason}
            actions={
              pupil && (
                <>
                  <StartTest slug={t.slug} title={t.title} />
                  {dismiss({ kind: 'test', itemId: t.slug, title: t.title })}
                </>
              )
            }
          />
        ))}
      </Section>

      <Section
        id="rec-events"
        title="Профессиональные пробы"
        lead={pupil ? 'Пробы с открытой записью и свободными местами, которые подходят тебе.' : 'Пробы с открытой записью и свободными местами, которые подходят ребёнку.'}
        empty={
          data.events.length === 0
            ? pupil
              ? (
                <Text c="gray.7">
                  Подходящих проб с открытой записью сейчас нет. Загляни в{' '}
                  <Anchor component={Link} to="/participant/events/catalogue" underline="always">
                    каталог мероприятий
                  </Anchor>{' '}
                  или вернись позже.
                </Text>
              )
              : nothing('Подходящих проб с открытой записью сейчас нет.')
            : null
        }
      >
        {data.events.map(({ event, reason }) => (
          <ItemCard
            key={event.id}
            id={`rec-event-${event.id}`}
            title={
              pupil ? (
                <Anchor component={Link} to={`/participant/events/${event.id}`} inherit>
                  {event.title}
                </Anchor>
              ) : (
                event.title
              )
            }
            facts={[formatWhen(event), `${event.competency.name} · ${EVENT_FORMAT_LABELS[event.format]}`, formatPlace(event)]}
            reason={reason}
            actions={
              pupil && (
                <>
                  <Button component={Link} to={`/participant/events/${event.id}`} size="sm" aria-label={`Записаться: ${event.title}`}>
                    Записаться
                  </Button>
                  {dismiss({ kind: 'event', itemId: event.id, title: event.title })}
                </>
              )
            }
          >
            <Stack gap={6} align="flex-start">
              <Badge color={event.seatsLeft > 0 ? 'green' : 'gray'} variant="light" tt="none">
                {formatSeats(event)}
              </Badge>
              <Badge variant="light" tt="none">
                {formatGrades(event)}
              </Badge>
            </Stack>
          </ItemCard>
        ))}
      </Section>

      <Section
        id="rec-opportunities"
        title="Возможности региона"
        lead="Колледжи и вузы, кружки, олимпиады, стажировки и онлайн-курсы."
        empty={data.opportunities.length === 0 ? nothing('Подходящих возможностей пока нет — регион добавляет их постепенно.') : null}
      >
        {data.opportunities.map(({ opportunity: o, reason }) => (
          <ItemCard
            key={o.id}
            id={`rec-opportunity-${o.id}`}
            title={
              <Anchor component={Link} to={`/opportunities/${o.id}`} inherit>
                {o.title}
              </Anchor>
            }
            facts={opportunityFacts(o)}
            reason={reason}
            actions={pupil && dismiss({ kind: 'opportunity', itemId: o.id, title: o.title })}
          >
            {o.ovzAccessible && (
              <Badge variant="light" color="grape" tt="none">
                Доступно для детей с ОВЗ
              </Badge>
            )}
          </ItemCard>
        ))}
      </Section>

      <Section
        id="rec-professions"
        title="Профессии"
        lead={pupil ? 'Профессии, к которым ведут твои интересы и умения, и где им учат.' : 'Профессии, к которым ведут интересы и умения ребёнка, и где им учат.'}
        empty={data.professions.length === 0 ? nothing(pupil ? 'Профессии появятся, когда картина о тебе станет точнее.' : 'Профессии появятся, когда картина о ребёнке станет точнее.') : null}
      >
        {data.professions.map((p) => (
          <ItemCard
            key={p.id}
            id={`rec-profession-${p.id}`}
            title={p.name}
            reason={p.reason}
            actions={pupil && dismiss({ kind: 'profession', itemId: String(p.id), title: p.name })}
          >
            <Text size="sm">{p.description}</Text>
            {p.education.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  Образование
                </Text>
                <List size="sm">
                  {p.education.map((e) => (
                    <List.Item key={e}>{EDUCATION_LEVEL_LABELS[e]}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
            {p.programmes.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  Где учиться
                </Text>
                <List size="sm">
                  {p.programmes.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </ItemCard>
        ))}
      </Section>
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Blockquote, Card, Checkbox, Progress, Stack, Text, Title } from '@mantine/core';
import { OPPORTUNITY_KIND_LABELS, SCHOOL_PROFILE_LABELS, type PlanStage, type PublishedPlan } from '@common/guidance.js';
import { formatDate, formatDateTime } from '@web/lib/format';
import type { Viewer } from './labels';

interface Props {
  plan: PublishedPlan;
  viewer: Viewer;
  doneIds: ReadonlySet<string>;
  /** The pupil ticks goals of the current version; a parent and older versions only read. */
  onTick?: (stepId: string, done: boolean) => void;
}

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} id={id} fz="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Named items each with the reason or evidence behind it. */
function Reasoned({ items }: { items: Array<{ key: string; name: ReactNode; reason: string }> }) {
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Stack gap={2} component="li" key={item.key}>
          <Text fw={600}>{item.name}</Text>
          <Text size="sm">{item.reason}</Text>
        </Stack>
      ))}
    </Stack>
  );
}

function Goals({ plan, doneIds, onTick, viewer }: Props) {
  const steps = plan.content.steps;
  const done = steps.filter((s) => doneIds.has(s.id)).length;
  const progress = `Выполнено ${done} из ${steps.length}`;
  return (
    <Block id="plan-goals" title="Цели на ближайшую четверть">
      {steps.length === 0 ? (
        <Text c="gray.7">Целей в этой версии плана нет.</Text>
      ) : (
        <>
          <Text fw={600} role="status">
            {progress}
          </Text>
          <Progress value={(done / steps.length) * 100} size="lg" color={done === steps.length ? 'green.9' : 'bilet.7'} aria-label={progress} />
          {!onTick && viewer === 'pupil' && <Text size="sm">Отмечать цели можно в действующей версии плана.</Text>}
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {steps.map((step) => (
              <li key={step.id}>
                <Checkbox
                  size="md"
                  checked={doneIds.has(step.id)}
                  disabled={!onTick}
                  onChange={(e) => onTick?.(step.id, e.currentTarget.checked)}
                  label={step.text}
                  description={step.due ? `Срок: ${formatDate(step.due)}` : undefined}
                />
              </li>
            ))}
          </Stack>
        </>
      )}
    </Block>
  );
}

/**
 * A published study plan: the navigator's word, strengths and interests with their evidence, the
 * senior-school profile (grades 8–11), subjects and activities, opportunities, trials and goals.
 */
export function PlanView(props: Props) {
  const { plan, viewer } = props;
  const c = plan.content;
  const pupil = viewer === 'pupil';
  return (
    <Stack gap="lg">
      <Text size="sm" c="gray.7">{`Версия ${plan.version}, опубликована ${formatDateTime(plan.publishedAt)}. Навигатор: ${plan.publishedByName}.`}</Text>
      {c.navigatorNote && (
        <Block id="plan-note" title="Слово навигатора">
          <Blockquote color="bilet.7" p="sm" style={{ whiteSpace: 'pre-line' }}>
            {c.navigatorNote}
          </Blockquote>
        </Block>
      )}
      <Goals {...props} />
      <Block id="plan-strengths" title="Сильные стороны">
        {c.strengths.length === 0 ? (
          <Text c="gray.7">Появятся после проб с отзывом наставника.</Text>
        ) : (
          <Reasoned items={c.strengths.map((s) => ({ key: s.code, name: s.name, reason: s.evidence }))} />
        )}
      </Block>
      <Block id="plan-interests" title="Интересы">
        {c.interests.length === 0 ? (
          <Text c="gray.7">Появятся после тестов и проб.</Text>
        ) : (
          <Reasoned items={c.interests.map((s) => ({ key: s.code, name: s.name, reason: s.evidence }))} />
        )}
      </Block>
      {c.profile && (
        <Block id="plan-profile" title="Профиль в старшей школе">
          <Reasoned items={[{ key: c.profile.code, name: SCHOOL_PROFILE_LABELS[c.profile.code], reason: c.profile.reason }]} />
        </Block>
      )}
      {c.subjects.length > 0 && (
        <Block id="plan-subjects" title={c.grade >= 8 ? 'Предметы, которые стоит углубить' : 'Предметы, которые стоит попробовать'}>
          <Reasoned items={c.subjects.map((s) => ({ key: s.name, name: s.name, reason: s.reason }))} />
        </Block>
      )}
      {c.activities.length > 0 && (
        <Block id="plan-activities" title="Чем заняться">
          <Reasoned items={c.activities.map((s) => ({ key: s.name, name: s.name, reason: s.reason }))} />
        </Block>
      )}
      {c.opportunities.length > 0 && (
        <Block id="plan-opportunities" title="Кружки, курсы и другие возможности">
          <Reasoned
            items={c.opportunities.map((o) => ({
              key: o.id,
              name: (
                <>
                  <Anchor component={Link} to={`/opportunities/${o.id}`} inherit>
                    {o.title}
                  </Anchor>
                  <Text span size="sm" fw={400} c="gray.7">{` · ${OPPORTUNITY_KIND_LABELS[o.kind]}`}</Text>
                </>
              ),
              reason: o.reason,
            }))}
          />
        </Block>
      )}
      {c.trials.length > 0 && (
        <Block id="plan-trials" title="Следующие пробы">
          <Reasoned
            items={c.trials.map((t) => ({
              key: t.eventId,
              name: (
                <>
                  {pupil ? (
                    <Anchor component={Link} to={`/participant/events/${t.eventId}`} inherit>
                      {t.title}
                    </Anchor>
                  ) : (
                    t.title
                  )}
                  <Text span size="sm" fw={400} c="gray.7">{` · ${formatDateTime(t.startsAt)}`}</Text>
                </>
              ),
              reason: t.reason,
            }))}
          />
        </Block>
      )}
    </Stack>
  );
}

/** What happens before the first plan, and what to do meanwhile, by the pupil's stage. */
export function noPlanText(stage: PlanStage, viewer: Viewer): string {
  const pupil = viewer === 'pupil';
  const how = pupil
    ? 'План появится после твоей первой профессиональной пробы: наставник оставит отзыв, а педагог-навигатор подготовит и опубликует план.'
    : 'План появится после первой профессиональной пробы ребёнка: наставник оставит отзыв, а педагог-навигатор подготовит и опубликует план.';
  const next: Partial<Record<PlanStage, string>> = pupil
    ? {
        no_test: 'Начни с первого теста — он поможет подобрать подходящие пробы.',
        tested: 'Запишись на профессиональную пробу — подходящие есть в рекомендациях.',
        trial_attended: 'Проба пройдена! Как только наставник оставит отзыв, навигатор возьмётся за план.',
        plan_drafted: 'Навигатор уже готовит твой план — скоро он появится здесь.',
      }
    : {
        no_test: 'Предложите ребёнку пройти первый тест в его кабинете.',
        tested: 'Помогите ребёнку выбрать профессиональную пробу — подходящие есть в рекомендациях.',
        trial_attended: 'Проба пройдена. Как только наставник оставит отзыв, навигатор возьмётся за план.',
        plan_drafted: 'Навигатор уже готовит план — скоро он появится здесь.',
      };
  return [how, next[stage]].filter(Boolean).join(' ');
}


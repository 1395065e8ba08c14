import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import type { StudyPlanView } from '@common/guidance.js';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { useChildName } from '../api/child-name';
import { planPdfUrl, usePlanVersion, useStudyPlan, useTickStep, type Subject } from '../api/guidance-api';
import type { Viewer } from '../components/labels';
import { PlanView, noPlanText } from '../components/plan-view';

function NoPlan({ view, viewer }: { view: StudyPlanView; viewer: Viewer }) {
  return (
    <Alert color="blue" title="Плана пока нет" role="status">
      <Stack gap="xs">
        <Text size="sm">{noPlanText(view.stage, viewer)}</Text>
        {viewer === 'pupil' && (
          <Anchor component={Link} to="/participant/recommendations" size="sm">
            Открыть рекомендации
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/** The current plan or a chosen older version, with its PDF; ticks only on the current one. */
function PlanContent({ subject, view, viewer }: { subject: Subject; view: StudyPlanView; viewer: Viewer }) {
  const current = view.published!;
  const [chosen, setChosen] = useState<number>(current.version);
  const older = chosen !== current.version;
  const version = usePlanVersion(subject, older ? chosen : null);
  const tick = useTickStep();
  const doneIds = useMemo(() => new Set(view.stepsDone.map((s) => s.stepId)), [view.stepsDone]);
  const versions = [...view.versions].sort((a, b) => b.version - a.version);
  const shown = older ? version.data : current;

  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-end" wrap="wrap">
        {versions.length > 1 && (
          <Select
            label="Версия плана"
            data={versions.map((v) => ({
              value: String(v.version),
              label: `${v.version === current.version ? 'Действующая' : `Версия ${v.version}`} от ${formatDate(v.publishedAt)}`,
            }))}
            value={String(chosen)}
            allowDeselect={false}
            onChange={(value) => value && setChosen(Number(value))}
            w={{ base: '100%', xs: 280 }}
          />
        )}
        <Button component="a" href={planPdfUrl(subject, chosen)} download variant="outline">
          Скачать PDF
        </Button>
      </Group>
      {tick.isError && (
        <Alert color="red" title="Не получилось отметить цель" role="alert">
          {errorMessage(tick.error)}
        </Alert>
      )}
      {older && version.isPending ? (
        <PageLoader label="Загружаем версию плана…" />
      ) : older && version.isError ? (
        <LoadError error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        shown && (
          <PlanView
            plan={shown}
            viewer={viewer}
            doneIds={doneIds}
            onTick={viewer === 'pupil' && !older ? (stepId, done) => tick.mutate({ stepId, done }) : undefined}
          />
        )
      )}
    </Stack>
  );
}

function PlanBody({ subject, viewer }: { subject: Subject; viewer: Viewer }) {
  const plan = useStudyPlan(subject);
  if (plan.isPending) return <PageLoader label="Загружаем план…" />;
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data.published) return <NoPlan view={plan.data} viewer={viewer} />;
  return <PlanContent key={plan.data.published.version} subject={subject} view={plan.data} viewer={viewer} />;
}

/** /participant/plan — «Мой план», the individual study plan the navigator published. */
export function PupilPlanPage() {
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <BackLink to="/participant">В кабинет</BackLink>
        <PageTitle lead="Твой индивидуальный план: сильные стороны, интересы, что изучать и куда двигаться дальше. Отмечай цели, когда выполнишь их.">Мой план</PageTitle>
      </Stack>
      <PlanBody subject={{ kind: 'self' }} viewer="pupil" />
    </Stack>
  );
}

/** /parent/children/:childId/plan — the child's plan, to read and download. */
export function ParentPlanPage() {
  const { childId = '' } = useParams();
  const name = useChildName(childId);
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <BackLink to="/parent">В кабинет</BackLink>
        <PageTitle lead="Индивидуальный план ребёнка, который подготовил педагог-навигатор. Цели отмечает сам ребёнок.">
          {name ? `План: ${name}` : 'Индивидуальный план'}
        </PageTitle>
      </Stack>
      <PlanBody subject={{ kind: 'child', childId }} viewer="parent" />
    </Stack>
  );
}

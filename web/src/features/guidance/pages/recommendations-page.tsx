import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useChildName } from '../api/child-name';
import { useDismissal, useRecommendations, type Subject } from '../api/guidance-api';
import { RecommendationsView, type DismissTarget } from '../components/recommendations-view';

const SELF: Subject = { kind: 'self' };

/** /participant/recommendations — what to do next, each item with its reason and a «Не интересно». */
export function PupilRecommendationsPage() {
  const recommendations = useRecommendations(SELF);
  const { dismiss, undo } = useDismissal();
  const [hidden, setHidden] = useState<DismissTarget | null>(null);

  const onDismiss = (target: DismissTarget) => {
    undo.reset();
    dismiss.mutate(target, { onSuccess: () => setHidden(target) });
  };
  const onUndo = () => {
    if (hidden) undo.mutate(hidden, { onSuccess: () => setHidden(null) });
  };

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <BackLink to="/participant">В кабинет</BackLink>
        <PageTitle lead="Что попробовать дальше: тесты, пробы, кружки и профессии. У каждого совета написано, почему он тебе подходит.">Рекомендации</PageTitle>
      </Stack>
      <div aria-live="polite">
        {hidden && (
          <Alert color="gray" title="Убрали из рекомендаций" role="status">
            <Group gap="sm" justify="space-between">
              <Text size="sm">{`«${hidden.title}» больше не будет предлагаться.`}</Text>
              <Button size="xs" variant="outline" color="dark" onClick={onUndo} loading={undo.isPending} aria-label={`Вернуть: ${hidden.title}`}>
                Вернуть
              </Button>
            </Group>
          </Alert>
        )}
      </div>
      {(dismiss.isError || undo.isError) && (
        <Alert color="red" title="Не получилось" role="alert">
          {errorMessage(dismiss.error ?? undo.error)}
        </Alert>
      )}
      {recommendations.isPending ? (
        <PageLoader label="Подбираем рекомендации…" />
      ) : recommendations.isError ? (
        <LoadError error={recommendations.error} onRetry={() => void recommendations.refetch()} />
      ) : (
        <RecommendationsView data={recommendations.data} viewer="pupil" onDismiss={onDismiss} dismissPending={dismiss.isPending} />
      )}
    </Stack>
  );
}

/** /parent/children/:childId/recommendations — the same recommendations, to read. */
export function ParentRecommendationsPage() {
  const { childId = '' } = useParams();
  const name = useChildName(childId);
  const recommendations = useRecommendations({ kind: 'child', childId });
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <BackLink to="/parent">В кабинет</BackLink>
        <PageTitle lead="Что ребёнку стоит попробовать дальше и почему. Обсудите это вместе: решает ребёнок, вы помогаете выбрать.">
          {name ? `Рекомендации: ${name}` : 'Рекомендации'}
        </PageTitle>
      </Stack>
      {recommendations.isPending ? (
        <PageLoader label="Загружаем рекомендации…" />
      ) : recommendations.isError ? (
        <LoadError error={recommendations.error} onRetry={() => void recommendations.refetch()} />
      ) : (
        <RecommendationsView data={recommendations.data} viewer="parent" />
      )}
    </Stack>
  );
}

import { Link } from 'react-router';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate, plural } from '@web/lib/format';
import type { CatalogueTest } from '@web/lib/diagnostics-catalogue';
import { StartTestButton, attemptPath } from './start-test-button';

type State = { badge: string; color: string; note: string | null };

/** Where the pupil stands with a test, in the words of the catalogue. */
function testState(test: CatalogueTest): State {
  if (test.openAttemptId) return { badge: 'Начат', color: 'orange', note: 'Ответы сохранены — можно продолжить с того же места.' };
  if (test.completedCount > 0 && test.lastCompletedAt) {
    const done = `Пройден ${formatDate(test.lastCompletedAt)}`;
    return {
      badge: done,
      color: 'green',
      note: test.retakeAvailableAt ? `Повторить можно с ${formatDate(test.retakeAvailableAt)}` : 'Можно пройти ещё раз и сравнить результаты.',
    };
  }
  return { badge: 'Не начат', color: 'gray', note: null };
}

function facts(test: CatalogueTest): string {
  const minutes = `около ${test.durationMinutes} ${plural(test.durationMinutes, ['минуты', 'минут', 'минут'])}`;
  if (test.kind === 'game') return `Игра · ${minutes}`;
  return `Тест · ${test.itemCount} ${plural(test.itemCount, ['вопрос', 'вопроса', 'вопросов'])} · ${minutes}`;
}

function Actions({ test }: { test: CatalogueTest }) {
  const resultLink = test.lastAttemptId && (
    <Button component={Link} to={`/participant/diagnostics/results/${test.lastAttemptId}`} variant="outline" aria-label={`Результат: ${test.title}`}>
      Результат
    </Button>
  );
  if (test.openAttemptId) {
    return (
      <Group gap="sm">
        <Button component={Link} to={attemptPath(test.openAttemptId)} aria-label={`Продолжить: ${test.title}`}>
          Продолжить
        </Button>
        {resultLink}
      </Group>
    );
  }
  if (test.completedCount > 0) {
    return (
      <Group gap="sm" align="flex-start">
        {resultLink}
        {!test.retakeAvailableAt && <StartTestButton slug={test.slug} title={test.title} label="Пройти ещё раз" variant="light" />}
      </Group>
    );
  }
  return <StartTestButton slug={test.slug} title={test.title} label="Начать" />;
}

/** One test or game of the catalogue: what it is, how long it takes, where the pupil is with it. */
export function TestCard({ test }: { test: CatalogueTest }) {
  const state = testState(test);
  const titleId = `test-${test.slug}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId} h="100%">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs" align="flex-start" wrap="wrap">
            <Title order={3} fz="h3" id={titleId}>
              {test.title}
            </Title>
            <Badge color={state.color} variant="light" style={{ textTransform: 'none' }}>
              {state.badge}
            </Badge>
          </Group>
          <Text size="sm" c="gray.7">
            {facts(test)}
          </Text>
          <Text>{test.summary}</Text>
          {test.adapted && (
            <Text size="sm" c="gray.7">
              Адаптированная версия: короткие вопросы простыми словами, без ограничения времени.
            </Text>
          )}
          {state.note && <Text size="sm">{state.note}</Text>}
        </Stack>
        <Actions test={test} />
      </Stack>
    </Card>
  );
}

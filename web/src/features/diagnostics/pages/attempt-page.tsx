import { Link, useParams } from 'react-router';
import { Button, Stack, Text } from '@mantine/core';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useAttempt } from '../api/diagnostics-api';
import { BackLink } from '@web/lib/components/back-link';
import { GameRunner } from '../components/game-runner';
import { TestRunner } from '../components/test-runner';

/** Taking a test or playing a game; a finished attempt points to its result. */
export function AttemptPage() {
  const { attemptId = '' } = useParams();
  const attempt = useAttempt(attemptId);

  if (attempt.isPending) return <PageLoader label="Открываем тест…" />;
  if (attempt.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <BackLink to="/participant/diagnostics">Все тесты и игры</BackLink>
        <LoadError error={attempt.error} onRetry={() => void attempt.refetch()} />
      </Stack>
    );
  }
  const data = attempt.data;

  return (
    <Stack gap="md" maw={760}>
      <BackLink to="/participant/diagnostics">Все тесты и игры</BackLink>
      <PageTitle>{data.test.title}</PageTitle>
      {data.status === 'completed' ? (
        <Stack gap="sm" align="flex-start">
          <Text>{data.test.kind === 'game' ? 'Эта игра уже сыграна.' : 'Этот тест уже пройден.'}</Text>
          <Button component={Link} to={`/participant/diagnostics/results/${data.id}`}>
            Посмотреть результат
          </Button>
        </Stack>
      ) : data.test.kind === 'game' ? (
        <GameRunner key={data.id} attempt={data} />
      ) : (
        <TestRunner key={data.id} attempt={data} />
      )}
    </Stack>
  );
}

import { Link, useParams } from 'react-router';
import { Button, Group, Stack } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { usePupilResult } from '../api/diagnostics-api';
import { BackLink } from '@web/lib/components/back-link';
import { isNotFound } from '../components/pupil-not-found';
import { ResultView } from '../components/result-view';
import { StartTestButton } from '../components/start-test-button';

const resultHref = (attemptId: string) => `/participant/diagnostics/results/${attemptId}`;

/** The pupil's own result of one test or game. */
export function ParticipantResultPage() {
  const { attemptId } = useParams();
  const session = useSession();
  const result = usePupilResult(session.data?.id, attemptId);

  if (!session.data || result.isPending) return <PageLoader label="Загружаем результат…" />;
  if (result.isError) {
    return (
      <Stack gap="md">
        <BackLink to="/participant/diagnostics">Все тесты и игры</BackLink>
        {isNotFound(result.error) ? <PageTitle>{errorMessage(result.error)}</PageTitle> : <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={860}>
      <BackLink to="/participant/diagnostics">Все тесты и игры</BackLink>
      <PageTitle>{result.data.title}</PageTitle>
      <ResultView
        result={result.data}
        audience="pupil"
        resultHref={resultHref}
        nextTestAction={(t) => <StartTestButton slug={t.slug} title={t.title} label="Начать" variant="light" />}
      />
      <Group gap="sm">
        <Button component={Link} to="/participant/footprint">
          Мой цифровой след
        </Button>
        <Button component={Link} to="/participant/diagnostics" variant="outline">
          Все тесты и игры
        </Button>
      </Group>
    </Stack>
  );
}

import { Link } from 'react-router';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { useFootprint, usePupilResults } from '../api/diagnostics-api';
import { BackLink } from '@web/lib/components/back-link';
import { FootprintView } from '../components/footprint-view';
import { ResultsList } from '../components/results-list';

const resultHref = (attemptId: string) => `/participant/diagnostics/results/${attemptId}`;

function MyResults({ pupilId }: { pupilId: string }) {
  const results = usePupilResults(pupilId);
  return (
    <Stack gap="md" component="section" aria-labelledby="my-results-title">
      <Title order={2} id="my-results-title">
        Мои результаты
      </Title>
      {results.isPending ? (
        <PageLoader label="Загружаем результаты…" />
      ) : results.isError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <ResultsList results={results.data} resultHref={resultHref} empty="Пока ни одного результата." />
      )}
    </Stack>
  );
}

/** The pupil's digital footprint: what the tests and games so far say, and how it changed. */
export function ParticipantFootprintPage() {
  const session = useSession();
  const pupilId = session.data?.id;
  const footprint = useFootprint(pupilId);

  if (!pupilId || footprint.isPending) return <PageLoader label="Загружаем цифровой след…" />;
  if (footprint.isError) return <LoadError error={footprint.error} onRetry={() => void footprint.refetch()} />;

  return (
    <Stack gap="xl" maw={960}>
      <Stack gap="md">
        <BackLink to="/participant">В кабинет</BackLink>
        <PageTitle lead="Это картина того, что тесты и игры рассказали о тебе. Чем больше тестов пройдено, тем она точнее.">Мой цифровой след</PageTitle>
      </Stack>
      <FootprintView
        footprint={footprint.data}
        empty={
          <Text size="sm">
            Пройди первый тест или игру — и здесь появится твой цифровой след.{' '}
            <Anchor component={Link} to="/participant/diagnostics" size="sm">
              Выбрать тест
            </Anchor>
          </Text>
        }
      />
      <MyResults pupilId={pupilId} />
    </Stack>
  );
}

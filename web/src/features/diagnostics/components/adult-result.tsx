import { Stack } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { usePupilResult } from '../api/diagnostics-api';
import { BackLink } from '@web/lib/components/back-link';
import { PupilLoadError } from './pupil-not-found';
import { ResultView } from './result-view';

interface Props {
  pupilId: string;
  attemptId: string;
  /** The pupil's diagnostics page in this cabinet. */
  backTo: string;
  resultHref: (attemptId: string) => string;
}

/** One result of a pupil as a parent or a navigator reads it. */
export function AdultResult({ pupilId, attemptId, backTo, resultHref }: Props) {
  const result = usePupilResult(pupilId, attemptId);
  if (result.isPending) return <PageLoader label="Загружаем результат…" />;
  if (result.isError) {
    return (
      <PupilLoadError
        error={result.error}
        onRetry={() => void result.refetch()}
        backTo={backTo}
        backLabel="К результатам диагностики"
        title={errorMessage(result.error)}
      />
    );
  }
  return (
    <Stack gap="md" maw={860}>
      <BackLink to={backTo}>Все результаты диагностики</BackLink>
      <PageTitle>{result.data.title}</PageTitle>
      <ResultView result={result.data} audience="adult" resultHref={resultHref} />
    </Stack>
  );
}

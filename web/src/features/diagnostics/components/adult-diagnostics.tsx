import type { ReactNode } from 'react';
import { Stack } from '@mantine/core';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { usePupilResults } from '../api/diagnostics-api';
import { BackLink } from '@web/lib/components/back-link';
import { PupilDiagnostics } from './pupil-diagnostics';
import { PupilLoadError } from './pupil-not-found';

interface Props {
  pupilId: string;
  title: string;
  lead: ReactNode;
  back: { to: string; label: string };
  resultHref: (attemptId: string) => string;
}

/** A pupil's diagnostics page for a parent or a navigator; a pupil the server does not show reads «Ученик не найден». */
export function AdultDiagnostics({ pupilId, title, lead, back, resultHref }: Props) {
  const results = usePupilResults(pupilId);
  if (results.isPending) return <PageLoader label="Загружаем результаты…" />;
  if (results.isError) return <PupilLoadError error={results.error} onRetry={() => void results.refetch()} backTo={back.to} backLabel={back.label} />;
  return (
    <Stack gap="md">
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageTitle lead={lead}>{title}</PageTitle>
      <PupilDiagnostics pupilId={pupilId} results={results.data} resultHref={resultHref} />
    </Stack>
  );
}

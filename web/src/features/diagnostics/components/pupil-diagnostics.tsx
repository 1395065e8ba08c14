import { Tabs } from '@mantine/core';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { useFootprint, type ResultSummary } from '../api/diagnostics-api';
import { AttemptsCompare } from './attempts-compare';
import { FootprintView } from './footprint-view';
import { ResultsList } from './results-list';

function FootprintTab({ pupilId }: { pupilId: string }) {
  const footprint = useFootprint(pupilId);
  if (footprint.isPending) return <PageLoader label="Загружаем цифровой след…" />;
  if (footprint.isError) return <LoadError error={footprint.error} onRetry={() => void footprint.refetch()} />;
  return <FootprintView footprint={footprint.data} empty="Ученик пока не прошёл ни одного теста или игры. След появится после первого результата." />;
}

/** What a parent or navigator sees of a pupil's diagnostics: the results, the footprint, and two attempts compared. */
export function PupilDiagnostics({ pupilId, results, resultHref }: { pupilId: string; results: readonly ResultSummary[]; resultHref: (attemptId: string) => string }) {
  return (
    <Tabs defaultValue="results" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="results">Результаты</Tabs.Tab>
        <Tabs.Tab value="footprint">Цифровой след</Tabs.Tab>
        <Tabs.Tab value="compare">Сравнить попытки</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="results" pt="lg">
        <ResultsList results={results} resultHref={resultHref} empty="Ученик пока не прошёл ни одного теста или игры." />
      </Tabs.Panel>
      <Tabs.Panel value="footprint" pt="lg">
        <FootprintTab pupilId={pupilId} />
      </Tabs.Panel>
      <Tabs.Panel value="compare" pt="lg">
        <AttemptsCompare pupilId={pupilId} results={results} />
      </Tabs.Panel>
    </Tabs>
  );
}

import { useParams, useSearchParams } from 'react-router';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { plural } from '@web/lib/format';
import { useTestStatistics, useWorkbenchTest, type TestStatistics, type WorkbenchTestCard } from '../api/workbench-api';
import { ScaleStatistics } from '../components/scale-statistics';
import { NormsSummary } from '../components/norms-summary';
import { VERSION_STATUS } from '../labels';

const WEAK_EXPLAINED =
  'Трудность — средняя доля возможных баллов за задание (0–1), дискриминативность — связь задания с остальными заданиями шкалы. ' +
  'Задание помечено как слабое, если почти все отвечают на него одинаково (трудность ниже 0,05 или выше 0,95) или его дискриминативность ниже 0,2.';

function StatisticsBody({ stats, kind }: { stats: TestStatistics; kind: WorkbenchTestCard['kind'] }) {
  if (kind === 'game') return <Text>У игр нет статистики заданий: их результат считается по ходу игры.</Text>;
  if (!stats.enough) {
    return (
      <Alert color="blue" title="Пока рано" role="status">
        {`Статистика появится после ${stats.needed} прохождений (сейчас ${stats.attempts})`}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Text size="sm">{WEAK_EXPLAINED}</Text>
      {stats.scales.map((scale) => (
        <ScaleStatistics key={scale.scaleId} scale={scale} />
      ))}
    </Stack>
  );
}

function VersionPicker({ card, value, onChange }: { card: WorkbenchTestCard; value: number | null; onChange: (versionId: number | null) => void }) {
  const options = card.versions
    .filter((v) => v.status !== 'draft')
    .map((v) => ({ value: String(v.id), label: `Версия ${v.version} — ${VERSION_STATUS[v.status].label.toLowerCase()}` }));
  if (options.length < 2) return null;
  const published = card.versions.find((v) => v.status === 'published');
  return (
    <Select
      label="Версия"
      data={options}
      value={value === null ? (published ? String(published.id) : null) : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      allowDeselect={false}
      w={{ base: '100%', sm: 320 }}
    />
  );
}

function StatisticsView({ card }: { card: WorkbenchTestCard }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('versionId');
  const versionId = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const everPublished = card.versions.some((v) => v.status !== 'draft');
  const stats = useTestStatistics(card.id, versionId, everPublished);
  const title = card.latest?.definition.title ?? card.slug;

  return (
    <Stack gap="lg">
      <BackLink to={`/staff/diagnostics/${card.id}`}>К тесту</BackLink>
      <PageTitle lead={title}>Статистика заданий</PageTitle>
      {!everPublished ? (
        <Text>Тест ещё не публиковался: статистика считается по прохождениям опубликованной версии.</Text>
      ) : (
        <>
          <VersionPicker card={card} value={versionId} onChange={(id) => setParams(id === null ? {} : { versionId: String(id) }, { replace: true })} />
          {stats.isPending && <PageLoader />}
          {stats.isError && <LoadError error={stats.error} onRetry={() => void stats.refetch()} />}
          {stats.data && (
            <>
              <Text fw={600}>
                {`Версия ${stats.data.version}: ${stats.data.attempts} ${plural(stats.data.attempts, ['завершённое прохождение', 'завершённых прохождения', 'завершённых прохождений'])}`}
              </Text>
              <NormsSummary norms={stats.data.norms} needed={stats.data.normsNeeded} />
              <StatisticsBody stats={stats.data} kind={card.kind} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** /staff/diagnostics/:testId/statistics — whether the items and scales of a version work as meant. */
export function WorkbenchStatisticsPage() {
  const { testId } = useParams();
  const id = testId && /^\d+$/.test(testId) ? Number(testId) : 0;
  const card = useWorkbenchTest(id);
  if (card.isPending) return <PageLoader />;
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  return <StatisticsView card={card.data} />;
}

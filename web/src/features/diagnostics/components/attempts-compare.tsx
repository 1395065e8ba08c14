import { useState } from 'react';
import { Group, Select, Stack, Text } from '@mantine/core';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { usePupilResult, type ResultSummary } from '../api/diagnostics-api';
import { ResultCompare } from './result-compare';
import { groupResults } from './results-list';

function Comparison({ pupilId, firstId, secondId }: { pupilId: string; firstId: string; secondId: string }) {
  const first = usePupilResult(pupilId, firstId);
  const second = usePupilResult(pupilId, secondId);
  if (first.isError) return <LoadError error={first.error} onRetry={() => void first.refetch()} />;
  if (second.isError) return <LoadError error={second.error} onRetry={() => void second.refetch()} />;
  if (!first.data || !second.data) return <PageLoader label="Загружаем результаты…" />;
  return <ResultCompare first={first.data} second={second.data} />;
}

/** Picks a test taken more than once and two of its attempts, and shows them side by side. */
export function AttemptsCompare({ pupilId, results }: { pupilId: string; results: readonly ResultSummary[] }) {
  const groups = groupResults(results).filter((g) => g.attempts.length >= 2);
  const [slug, setSlug] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ first: string; second: string } | null>(null);
  if (groups.length === 0) return <Text>Сравнить можно, когда один и тот же тест пройден хотя бы два раза.</Text>;

  const group = groups.find((g) => g.slug === slug) ?? groups[0]!;
  const ids = group.attempts.map((a) => a.attemptId);
  // By default the two latest attempts; a pick from another test does not apply here.
  const chosen = picked && ids.includes(picked.first) && ids.includes(picked.second) ? picked : { first: ids[1]!, second: ids[0]! };
  const options = group.attempts.map((a) => ({ value: a.attemptId, label: formatDateTime(a.completedAt) }));

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Тест"
          data={groups.map((g) => ({ value: g.slug, label: g.title }))}
          value={group.slug}
          onChange={(v) => {
            setSlug(v);
            setPicked(null);
          }}
          allowDeselect={false}
          w={{ base: '100%', sm: 300 }}
        />
        <Select
          label="Первая попытка"
          data={options}
          value={chosen.first}
          onChange={(v) => v && setPicked({ ...chosen, first: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 230 }}
        />
        <Select
          label="Вторая попытка"
          data={options}
          value={chosen.second}
          onChange={(v) => v && setPicked({ ...chosen, second: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 230 }}
        />
      </Group>
      {chosen.first === chosen.second ? (
        <Text>Выберите две разные попытки.</Text>
      ) : (
        <Comparison pupilId={pupilId} firstId={chosen.first} secondId={chosen.second} />
      )}
    </Stack>
  );
}

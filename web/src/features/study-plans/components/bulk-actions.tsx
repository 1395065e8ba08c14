import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { PlanBulkAction, PlanBulkOutcome } from '@common/schemas/study-plans.js';
import { errorMessage } from '@web/lib/api-client';
import { plural } from '@web/lib/format';
import { runBulk, studyPlansKey } from '../api/study-plans-api';

/** Small batches, so the bar moves and a long selection never waits on one long request. */
const BATCH = 10;

const OUTCOME_LABELS: Record<PlanBulkOutcome, string> = {
  drafted: 'план подготовлен',
  published: 'план опубликован',
  not_due: 'ещё не был на пробе с отзывом наставника',
  kept: 'план уже отредактирован или опубликован — не тронут',
  no_draft: 'нет черновика для публикации',
  no_consent: 'нет согласия родителя на обработку данных',
  not_found: 'ученик не закреплён за вами',
};

interface Props {
  selected: ReadonlySet<string>;
  onDone: () => void;
}

/** Draft or publish the plans of the chosen pupils, batch by batch, with progress and a tally of what happened. */
export function BulkActions({ selected, onDone }: Props) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [tally, setTally] = useState<Partial<Record<PlanBulkOutcome, number>> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: PlanBulkAction) => {
    const ids = [...selected];
    const counts: Partial<Record<PlanBulkOutcome, number>> = {};
    setError(null);
    setTally(null);
    setProgress({ done: 0, total: ids.length });
    try {
      for (let i = 0; i < ids.length; i += BATCH) {
        const { results } = await runBulk(action, ids.slice(i, i + BATCH));
        for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
        setProgress({ done: Math.min(ids.length, i + BATCH), total: ids.length });
      }
      setTally(counts);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: studyPlansKey });
    }
  };

  const busy = progress !== null;
  const n = selected.size;
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Button onClick={() => void run('draft')} disabled={n === 0 || busy} variant="light">
          Подготовить планы
        </Button>
        <Button onClick={() => void run('publish')} disabled={n === 0 || busy}>
          Опубликовать черновики
        </Button>
        <Text size="sm" c="dimmed">
          {n === 0 ? 'Отметьте учеников в таблице' : `Выбрано: ${n} ${plural(n, ['ученик', 'ученика', 'учеников'])}`}
        </Text>
      </Group>
      {progress && (
        <Progress
          value={(progress.done / progress.total) * 100}
          aria-label={`Обработано ${progress.done} из ${progress.total}`}
          animated
        />
      )}
      {error && (
        <Alert color="red" title="Не получилось">
          {error}
        </Alert>
      )}
      {tally && (
        <Alert color="green" title="Готово" role="status">
          {Object.entries(tally).map(([outcome, count]) => (
            <Text key={outcome} size="sm">{`${count} — ${OUTCOME_LABELS[outcome as PlanBulkOutcome]}`}</Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

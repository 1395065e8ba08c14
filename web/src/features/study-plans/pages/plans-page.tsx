import { useState } from 'react';
import { Anchor, Badge, Chip, Group, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { PLAN_STAGES, PLAN_STAGE_LABELS, type PlanStage } from '@common/guidance.js';
import type { PlanQueueItem } from '@common/schemas/study-plans.js';
import { DataTable, type Column } from '@web/lib/components/data-table';
import { PageTitle } from '@web/lib/components/page';
import { useListState } from '@web/lib/list-state';
import { usePlanQueue } from '../api/study-plans-api';
import { BulkActions } from '../components/bulk-actions';

const ALL = '';
const STAGE_COLORS: Record<PlanStage, string> = {
  no_test: 'gray',
  tested: 'blue',
  trial_attended: 'cyan',
  plan_drafted: 'orange',
  plan_published: 'green',
};

/** The navigator's pupils on their way to a plan: by stage, searchable, with actions on many at once. */
export function PlansPage() {
  const { state, update } = useListState('name', ['stage']);
  const queue = usePlanQueue(state);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const counts = queue.data?.counts;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;

  const columns: Column<PlanQueueItem>[] = [
    {
      key: 'name',
      label: 'Ученик',
      sortable: true,
      render: (p) =>
        p.consentInForce ? (
          <Anchor component={Link} to={`/staff/pupils/${p.participantId}/plan`} fw={600}>
            {p.name}
          </Anchor>
        ) : (
          p.name
        ),
    },
    { key: 'grade', label: 'Класс', sortable: true, render: (p) => p.grade },
    {
      key: 'stage',
      label: 'Этап',
      sortable: true,
      render: (p) => (
        <Group gap={4}>
          <Badge color={STAGE_COLORS[p.stage]} variant="light">
            {PLAN_STAGE_LABELS[p.stage]}
          </Badge>
          {p.stage === 'plan_published' && p.draftPending && <Badge variant="outline">Есть правки</Badge>}
        </Group>
      ),
    },
    { key: 'consent', label: 'Согласие', render: (p) => (p.consentInForce ? 'Есть' : 'Нет — план закрыт') },
  ];

  return (
    <Stack gap="lg">
      <PageTitle lead="Ученики, закреплённые за вами: кто на каком этапе пути к индивидуальному плану. Откройте план, чтобы проверить, дополнить и опубликовать его.">
        Индивидуальные планы
      </PageTitle>
      <Chip.Group multiple={false} value={state.filters.stage || ALL} onChange={(value) => update({ filters: { stage: value } })}>
        <Group gap="xs" role="group" aria-label="Этап">
          <Chip value={ALL}>{`Все${all === null ? '' : ` · ${all}`}`}</Chip>
          {PLAN_STAGES.map((s) => (
            <Chip key={s} value={s}>
              {`${PLAN_STAGE_LABELS[s]}${counts ? ` · ${counts[s]}` : ''}`}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <BulkActions selected={selected} onDone={() => setSelected(new Set())} />
      <DataTable
        caption="Ученики и их планы"
        columns={columns}
        rowKey={(p) => p.participantId}
        query={queue}
        state={state}
        onChange={update}
        searchLabel="Поиск по имени"
        selection={{ selected, onChange: setSelected }}
        empty={state.q ? 'Ничего не нашлось — проверьте запрос.' : 'На этом этапе учеников нет.'}
      />
    </Stack>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Chip, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DIAGNOSTIC_STAGES, STAGE_LEADS, STAGE_TITLES } from '@common/diagnostics/stages.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useCatalogue, type CatalogueTest } from '@web/lib/diagnostics-catalogue';
import { BackLink } from '@web/lib/components/back-link';
import { TestCard } from '../components/test-card';
import { StagePath } from '../components/stage-path';

type Filter = 'all' | 'tests' | 'games' | 'new';

const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: 'Все' },
  { value: 'tests', label: 'Тесты' },
  { value: 'games', label: 'Игры' },
  { value: 'new', label: 'Не пройденные' },
];

const SHOWN: Record<Filter, (t: CatalogueTest) => boolean> = {
  all: () => true,
  tests: (t) => t.kind === 'test',
  games: (t) => t.kind === 'game',
  new: (t) => t.completedCount === 0,
};

const EMPTY: Record<Filter, string> = {
  all: 'Для твоего класса пока нет тестов. Загляни позже!',
  tests: 'Тестов для твоего класса пока нет.',
  games: 'Игр для твоего класса пока нет.',
  new: 'Всё пройдено. Отличная работа!',
};

/** The shown tests by stage, in the stages' order, and those on no stage last. */
function sections(tests: readonly CatalogueTest[]) {
  const staged = DIAGNOSTIC_STAGES.map((stage) => ({ key: stage, title: STAGE_TITLES[stage], lead: STAGE_LEADS[stage], tests: tests.filter((t) => t.stage === stage) }));
  const other = { key: 'other', title: 'Другие тесты', lead: null, tests: tests.filter((t) => t.stage === null) };
  return [...staged, other].filter((s) => s.tests.length > 0);
}

/**
 * The tests and games offered to the pupil's grade, grouped by the stages of its way, each with
 * where the pupil stands with it; any test can be taken whatever the stage.
 */
export function CataloguePage() {
  const catalogue = useCatalogue();
  const [filter, setFilter] = useState<Filter>('all');

  if (catalogue.isPending) return <PageLoader label="Загружаем тесты…" />;
  if (catalogue.isError) return <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const tests = catalogue.data.tests.filter(SHOWN[filter]);

  return (
    <Stack gap="lg">
      <BackLink to="/participant">В кабинет</BackLink>
      <PageTitle lead="Узнай о себе больше: что тебе интересно, что у тебя получается и что ты знаешь о профессиях. Советуем идти по этапам, но любой тест можно пройти когда захочешь. Правильных и неправильных ответов в большинстве тестов нет — отвечай честно.">
        Тесты и игры
      </PageTitle>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Chip.Group value={filter} onChange={(v) => setFilter(v as Filter)}>
          <Group gap="xs" role="radiogroup" aria-label="Что показать">
            {FILTERS.map((f) => (
              <Chip key={f.value} value={f.value} name="catalogue-filter" variant="outline">
                {f.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Button component={Link} to="/participant/footprint" variant="light">
          Мой цифровой след
        </Button>
      </Group>
      {!catalogue.data.closedReason && <StagePath stages={catalogue.data.stages} />}
      {catalogue.data.closedReason ? (
        <Alert color="orange" variant="light" title="Диагностики пока закрыты" role="status">
          {catalogue.data.closedReason}
        </Alert>
      ) : tests.length === 0 ? (
        <Text>{EMPTY[filter]}</Text>
      ) : (
        sections(tests).map((section) => (
          <Stack key={section.key} gap="sm" component="section" aria-labelledby={`stage-${section.key}`}>
            <Title order={2} size="h3" id={`stage-${section.key}`}>
              {section.title}
            </Title>
            {section.lead && <Text c="dimmed">{section.lead}</Text>}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {section.tests.map((t) => (
                <TestCard key={t.slug} test={t} />
              ))}
            </SimpleGrid>
          </Stack>
        ))
      )}
    </Stack>
  );
}

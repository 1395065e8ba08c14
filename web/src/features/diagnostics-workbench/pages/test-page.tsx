import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, Notice, PageLoader, PageTitle } from '@web/lib/components/page';
import { useWorkbenchTest, type SavedDefinition, type WorkbenchTestCard } from '../api/workbench-api';
import { CatalogueActions } from '../components/catalogue-actions';
import { DefinitionEditor } from '../components/definition-editor';
import { FormatLinks } from '../components/format-help';
import { TestStatusBadge } from '../components/status-badge';
import { VersionsTable } from '../components/versions-table';

/** A message carried across the move from /new to the saved test's own address. */
interface NavigationState {
  notice?: string;
}

const savedNotice = (saved: SavedDefinition) => `Черновик сохранён: версия ${saved.version}. Опубликуйте его, когда он готов.`;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** /staff/diagnostics/new — a definition written or loaded from scratch; saving it creates the test. */
export function WorkbenchNewTestPage() {
  const navigate = useNavigate();
  const [source, setSource] = useState('');
  return (
    <Stack gap="lg">
      <BackLink to="/staff/diagnostics">Все тесты и игры</BackLink>
      <PageTitle lead="Вставьте определение в YAML или JSON или загрузите файл, проверьте его и сохраните черновик.">Новый тест</PageTitle>
      <FormatLinks />
      <DefinitionEditor
        source={source}
        onSourceChange={setSource}
        onSaved={(saved) => navigate(`/staff/diagnostics/${saved.testId}`, { replace: true, state: { notice: savedNotice(saved) } satisfies NavigationState })}
      />
    </Stack>
  );
}

function TestWorkbench({ card }: { card: WorkbenchTestCard }) {
  const navigate = useNavigate();
  const location = useLocation();
  const savedSource = card.latest?.source ?? '';
  const [source, setSource] = useState(savedSource);
  const [notice, setNotice] = useState<string | null>((location.state as NavigationState | null)?.notice ?? null);
  const title = card.latest?.definition.title ?? card.slug;
  const everPublished = card.versions.some((v) => v.status !== 'draft');

  const onSaved = (saved: SavedDefinition) => {
    // A changed slug names another test: the draft went there.
    if (saved.testId !== card.id) navigate(`/staff/diagnostics/${saved.testId}`, { state: { notice: savedNotice(saved) } satisfies NavigationState });
    else setNotice(savedNotice(saved));
  };

  return (
    <Stack gap="lg">
      <BackLink to="/staff/diagnostics">Все тесты и игры</BackLink>
      <div>
        <PageTitle lead={`${card.kind === 'game' ? 'Игра' : 'Тест'} · ${card.slug}`}>{title}</PageTitle>
        <TestStatusBadge status={card.status} />
      </div>
      <Group gap="md">
        <CatalogueActions testId={card.id} status={card.status} onDone={setNotice} />
        {everPublished && card.kind === 'test' && (
          <Anchor component={Link} to={`/staff/diagnostics/${card.id}/statistics`}>
            Статистика заданий
          </Anchor>
        )}
        <FormatLinks />
      </Group>
      {notice && (
        <Notice title="Готово" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      <Section id="source-title" title="Определение">
        {source !== savedSource && (
          <Text size="sm" fw={600}>
            Есть несохранённые изменения.
          </Text>
        )}
        <DefinitionEditor source={source} onSourceChange={setSource} onSaved={onSaved} />
      </Section>
      <Section id="versions-title" title="Версии">
        <Text size="sm">Опубликованная версия не меняется: сохранение после публикации создаёт новый черновик.</Text>
        <VersionsTable
          testId={card.id}
          kind={card.kind}
          versions={card.versions}
          unsaved={source !== savedSource}
          onPublished={(version) => setNotice(`Версия ${version} опубликована: новые прохождения пойдут по ней.`)}
        />
      </Section>
    </Stack>
  );
}

function TestLoader({ testId }: { testId: number }) {
  const card = useWorkbenchTest(testId);
  if (card.isPending) return <PageLoader />;
  if (card.isError) {
    return (
      <Stack gap="lg">
        <BackLink to="/staff/diagnostics">Все тесты и игры</BackLink>
        <LoadError error={card.error} onRetry={() => void card.refetch()} />
      </Stack>
    );
  }
  return <TestWorkbench card={card.data} />;
}

/** /staff/diagnostics/:testId — a test's definition to edit, its versions, publication and retirement. */
export function WorkbenchTestPage() {
  const { testId } = useParams();
  if (!testId || !/^\d+$/.test(testId)) {
    return (
      <Stack gap="sm" align="flex-start">
        <PageTitle>Тест не найден</PageTitle>
        <Text>Проверьте адрес страницы или вернитесь к списку.</Text>
        <BackLink to="/staff/diagnostics">Все тесты и игры</BackLink>
      </Stack>
    );
  }
  return <TestLoader key={testId} testId={Number(testId)} />;
}

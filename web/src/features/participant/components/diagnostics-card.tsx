import { Link } from 'react-router';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { plural } from '@web/lib/format';
import { useCatalogue, type Catalogue } from '@web/lib/diagnostics-catalogue';

function progressText(data: Catalogue | undefined): string {
  if (data?.closedReason) return data.closedReason;
  if (!data) return 'Тесты и игры помогут понять, что тебе интересно и что получается.';
  const total = data.tests.length;
  const done = data.tests.filter((t) => t.completedCount > 0).length;
  if (total === 0) return 'Для твоего класса тестов пока нет — загляни позже.';
  if (done === 0) return `Для твоего класса есть ${total} ${plural(total, ['тест или игра', 'теста и игры', 'тестов и игр'])}. Начни с любого!`;
  return `Пройдено ${done} из ${total}.`;
}

/** The way from the cabinet to the tests and games and to the digital footprint. */
export function DiagnosticsCard() {
  // The diagnostics pages' own query: coming back from them, the counts are already in the cache.
  const catalogue = useCatalogue();
  const inProgress = catalogue.data?.tests.filter((t) => t.openAttemptId).length ?? 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diagnostics-title">
      <Stack gap="sm">
        <Title order={2} id="diagnostics-title">
          Диагностика
        </Title>
        <Text>{progressText(catalogue.data)}</Text>
        {inProgress > 0 && <Text size="sm">{`Начато и не закончено: ${inProgress}. Ответы сохранены — можно продолжить.`}</Text>}
        <Group gap="sm">
          <Button component={Link} to="/participant/diagnostics">
            Тесты и игры
          </Button>
          <Button component={Link} to="/participant/footprint" variant="outline">
            Мой цифровой след
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

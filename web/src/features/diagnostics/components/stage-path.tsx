import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { STAGE_TITLES, type StageProgress } from '@common/diagnostics/stages.js';
import { plural } from '@web/lib/format';

function stageNote(p: StageProgress): string {
  if (p.offered === 0) return 'Для твоего класса тестов этого этапа пока нет';
  if (p.reached) return 'Этап пройден';
  const left = p.goal - p.completed;
  return `До следующего этапа: ещё ${left} ${plural(left, ['тест', 'теста', 'тестов'])}`;
}

/** The three stages of the way through the catalogue, where the pupil stands in each and which one is now. */
export function StagePath({ stages }: { stages: readonly StageProgress[] }) {
  return (
    <nav aria-label="Этапы диагностики">
      <SimpleGrid component="ol" cols={{ base: 1, sm: 3 }} spacing="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {stages.map((p, i) => {
          const progress = p.goal === 0 ? 0 : (Math.min(p.completed, p.goal) / p.goal) * 100;
          return (
            <Paper
              key={p.stage}
              component="li"
              withBorder
              p="sm"
              radius="md"
              aria-current={p.current ? 'step' : undefined}
              style={p.current ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
            >
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600}>
                    {i + 1}. {STAGE_TITLES[p.stage]}
                  </Text>
                  {p.current && <Badge variant="filled">Ты здесь</Badge>}
                </Group>
                <Progress value={progress} aria-label={`${STAGE_TITLES[p.stage]}: пройдено ${p.completed} из ${p.offered}`} />
                <Text size="sm" c="dimmed">
                  Пройдено {p.completed} из {p.offered}. {stageNote(p)}
                </Text>
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </nav>
  );
}

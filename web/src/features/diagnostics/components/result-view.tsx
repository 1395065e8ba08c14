import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { GAME_SUMMARY_LABELS } from '@common/diagnostics/games.js';
import { formatDate, formatDateTime, plural } from '@web/lib/format';
import type { NextTest, ResultDetail } from '../api/diagnostics-api';
import { ScaleChart, roundScore } from './scale-chart';

export type Audience = 'pupil' | 'adult';

type Scale = ResultDetail['scales'][number];

function normText(norm: NonNullable<Scale['norm']>, audience: Audience): string {
  if (norm.kind === 'sten') {
    return audience === 'pupil'
      ? `Стен: ${norm.value} из 10 — так твой результат выглядит рядом с результатами ровесников`
      : `Стен: ${norm.value} (шкала от 1 до 10, в сравнении со сверстниками)`;
  }
  return audience === 'pupil'
    ? `Процентиль: ${norm.value} — это выше, чем у ${norm.value} % ровесников`
    : `Процентиль: ${norm.value} (результат выше, чем у ${norm.value} % сверстников)`;
}

/** One scale in words: its score, its level and what the level means. */
function ScaleDetail({ scale, audience }: { scale: Scale; audience: Audience }) {
  const score = roundScore(scale.score);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`scale-${scale.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} id={`scale-${scale.id}`} fz="lg">
            {scale.title}
          </Title>
          <Text fw={700}>{`${score} из 100`}</Text>
        </Group>
        <Progress value={score} size="lg" color="bilet.7" aria-label={`${scale.title}: ${score} из 100`} />
        {scale.description && (
          <Text size="sm" c="dimmed">
            {scale.description}
          </Text>
        )}
        <Group gap="xs">
          <Text size="sm">Уровень:</Text>
          <Badge variant="light" size="lg" style={{ textTransform: 'none', height: 'auto', whiteSpace: 'normal' }}>
            {scale.level.title}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-line' }}>{scale.level.text}</Text>
        {scale.norm && <Text size="sm">{normText(scale.norm, audience)}</Text>}
      </Stack>
    </Card>
  );
}

function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
}

function GameSummary({ summary }: { summary: Record<string, number> }) {
  const entries = Object.entries(summary);
  if (entries.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="game-summary-title">
      <Title order={2} id="game-summary-title">
        Как прошла игра
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} component="dl" m={0}>
        {entries.map(([key, value]) => (
          <Card withBorder padding="sm" key={key}>
            <Text component="dt" size="sm" c="dimmed">
              {GAME_SUMMARY_LABELS[key] ?? key}
            </Text>
            <Text component="dd" m={0} fw={700} fz="xl">
              {formatFigure(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function NextTests({ tests, audience, action }: { tests: NextTest[]; audience: Audience; action?: (test: NextTest) => ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="next-tests-title">
      <Title order={2} id="next-tests-title">
        Что дальше
      </Title>
      {tests.length === 0 ? (
        <Text>{audience === 'pupil' ? 'Все тесты, которые сейчас есть для твоего класса, уже пройдены. Отличная работа!' : 'Все доступные ученику тесты уже пройдены.'}</Text>
      ) : (
        <>
          <Text>{audience === 'pupil' ? 'Эти тесты помогут узнать о себе больше:' : 'Чтобы картина была полнее, ученику стоит пройти:'}</Text>
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {tests.map((t) => (
              <Card withBorder padding="sm" component="li" key={t.slug}>
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Stack gap={2} style={{ flex: '1 1 220px' }}>
                    <Text fw={600}>{t.title}</Text>
                    <Text size="sm">{t.summary}</Text>
                    <Text size="sm" c="dimmed">{`Около ${t.durationMinutes} ${plural(t.durationMinutes, ['минуты', 'минут', 'минут'])}`}</Text>
                  </Stack>
                  {action?.(t)}
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function EarlierAttempts({ result, resultHref }: { result: ResultDetail; resultHref: (attemptId: string) => string }) {
  const attempts = [...result.attemptsOfThisTest].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  if (attempts.length < 2) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="attempts-title">
      <Title order={2} id="attempts-title">
        Все попытки этого теста
      </Title>
      <List spacing="xs">
        {attempts.map((a) => (
          <List.Item key={a.attemptId}>
            {a.attemptId === result.attemptId ? (
              <Text span fw={600} aria-current="page">{`${formatDateTime(a.completedAt)} — эта попытка`}</Text>
            ) : (
              <Anchor component={Link} to={resultHref(a.attemptId)}>
                {`Результат от ${formatDateTime(a.completedAt)}`}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

interface Props {
  result: ResultDetail;
  audience: Audience;
  /** Where another attempt of this test is shown, in this cabinet. */
  resultHref: (attemptId: string) => string;
  /** The pupil's way to start a suggested test; parents and staff only read the list. */
  nextTestAction?: (test: NextTest) => ReactNode;
}

/**
 * One finished test or game: the scores as a chart and in words, each scale's level and what it
 * means, a game's own figures, what to take next and the other attempts of the same test.
 */
export function ResultView({ result, audience, resultHref, nextTestAction }: Props) {
  return (
    <Stack gap="xl">
      <Text>{`${result.kind === 'game' ? 'Игра пройдена' : 'Тест пройден'} ${formatDate(result.completedAt)}.`}</Text>
      <Stack gap="md" component="section" aria-labelledby="scales-title">
        <Title order={2} id="scales-title">
          {result.scales.length === 1 ? 'Результат' : 'Результаты по шкалам'}
        </Title>
        {result.scales.length > 1 && <ScaleChart scales={result.scales} caption={`${result.title}: баллы по шкалам от 0 до 100`} />}
        <Stack gap="sm">
          {result.scales.map((s) => (
            <ScaleDetail key={s.id} scale={s} audience={audience} />
          ))}
        </Stack>
      </Stack>
      {result.gameSummary && <GameSummary summary={result.gameSummary} />}
      <NextTests tests={result.nextTests} audience={audience} action={audience === 'pupil' ? nextTestAction : undefined} />
      <EarlierAttempts result={result} resultHref={resultHref} />
    </Stack>
  );
}

import { Link } from 'react-router';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, plural } from '@web/lib/format';
import type { ResultSummary } from '../api/diagnostics-api';
import { roundScore } from './scale-chart';

export interface ResultGroup {
  slug: string;
  title: string;
  kind: ResultSummary['kind'];
  /** Newest first. */
  attempts: ResultSummary[];
}

/** Completed attempts by test, the test last taken first; each group's attempts newest first. */
export function groupResults(results: readonly ResultSummary[]): ResultGroup[] {
  const sorted = [...results].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  const groups = new Map<string, ResultGroup>();
  for (const r of sorted) {
    const group = groups.get(r.slug) ?? { slug: r.slug, title: r.title, kind: r.kind, attempts: [] };
    group.attempts.push(r);
    groups.set(r.slug, group);
  }
  return [...groups.values()];
}

function Attempt({ attempt, href }: { attempt: ResultSummary; href: string }) {
  return (
    <Stack gap={4} component="li">
      <Anchor component={Link} to={href} fw={600}>
        {`Результат от ${formatDateTime(attempt.completedAt)}`}
      </Anchor>
      {attempt.scales.length > 0 && (
        <Text size="sm" c="gray.7">
          {attempt.scales.map((s) => `${s.title}: ${roundScore(s.score)} (${s.level})`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** Every completed test and game of a pupil, grouped by test, each attempt linking to its full result. */
export function ResultsList({ results, resultHref, empty }: { results: readonly ResultSummary[]; resultHref: (attemptId: string) => string; empty: string }) {
  const groups = groupResults(results);
  if (groups.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {groups.map((g) => (
        <Card withBorder padding="md" component="li" key={g.slug} aria-labelledby={`results-${g.slug}`}>
          <Stack gap="sm">
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Title order={3} fz="lg" id={`results-${g.slug}`}>
                {g.title}
              </Title>
              <Group gap="xs">
                {g.kind === 'game' && <Badge variant="light">Игра</Badge>}
                <Text size="sm" c="gray.7">{`${g.attempts.length} ${plural(g.attempts.length, ['попытка', 'попытки', 'попыток'])}`}</Text>
              </Group>
            </Group>
            <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {g.attempts.map((a) => (
                <Attempt key={a.attemptId} attempt={a} href={resultHref(a.attemptId)} />
              ))}
            </Stack>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

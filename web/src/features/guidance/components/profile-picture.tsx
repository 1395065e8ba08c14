import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Box, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { RecommendationProfile } from '@common/guidance.js';
import { plural } from '@web/lib/format';
import { CONFIDENCE_COLORS, CONFIDENCE_LABELS, type Viewer } from './labels';

const TOP_SPHERES = 5;

/**
 * The picture the recommendations rest on: the strongest spheres as bars, how sure the picture is,
 * and the sentence that says why. Screen readers read the same numbers as a table.
 */
export function ProfilePicture({ profile, viewer }: { profile: RecommendationProfile; viewer: Viewer }) {
  const top = [...profile.spheres].sort((a, b) => b.value - a.value).slice(0, TOP_SPHERES);
  const data = top.map((s) => ({ sphere: s.name, value: Math.round(s.value) }));
  const tests = `${profile.testsCompleted} ${plural(profile.testsCompleted, ['тест', 'теста', 'тестов'])}`;
  const trials = `${profile.trialsAttended} ${plural(profile.trialsAttended, ['проба', 'пробы', 'проб'])}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="picture-title">
      <Stack gap="sm">
        <Title order={2} id="picture-title" fz="h3">
          {viewer === 'pupil' ? 'Что мы о тебе знаем' : 'Что известно о ребёнке'}
        </Title>
        <Group gap="xs">
          <Text size="sm">Точность картины:</Text>
          <Badge color={CONFIDENCE_COLORS[profile.confidence]} variant="light" tt="none">
            {CONFIDENCE_LABELS[profile.confidence]}
          </Badge>
        </Group>
        <Text>{profile.summary}</Text>
        <Text size="sm" c="gray.7">{`Пройдено: ${tests}, ${trials}.`}</Text>
        {top.length > 0 && (
          <>
            <Title order={3} fz="h4">
              Самые сильные сферы
            </Title>
            <Box aria-hidden>
              <BarChart
                h={top.length * 48 + 40}
                data={data}
                dataKey="sphere"
                orientation="vertical"
                series={[{ name: 'value', label: 'Балл', color: 'bilet.7' }]}
                xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
                yAxisProps={{ width: 120, tick: { fontSize: 12 } }}
                textColor="gray.9"
                gridAxis="x"
                withBarValueLabel
                maxBarWidth={24}
                accessibilityLayer={false}
              />
            </Box>
            <VisuallyHidden>
              <Table>
                <caption>Самые сильные сферы, баллы от 0 до 100</caption>
                <thead>
                  <tr>
                    <th scope="col">Сфера</th>
                    <th scope="col">Балл</th>
                    <th scope="col">Источников</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{s.name}</th>
                      <td>{Math.round(s.value)}</td>
                      <td>{s.sources}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Card>
  );
}

import { Link } from 'react-router';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';

/** The way from the cabinet to what the programme leads to: recommendations and the study plan. */
export function GuidanceCard() {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="guidance-title">
      <Stack gap="sm">
        <Title order={2} id="guidance-title">
          Рекомендации и план
        </Title>
        <Text>Что попробовать дальше — с объяснением, почему это тебе подходит, и твой индивидуальный план.</Text>
        <Group gap="sm">
          <Button component={Link} to="/participant/recommendations">
            Рекомендации
          </Button>
          <Button component={Link} to="/participant/plan" variant="outline">
            Мой план
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

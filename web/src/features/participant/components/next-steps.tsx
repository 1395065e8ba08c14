import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { MissingSteps } from '@web/lib/components/missing-steps';
import { ResendActivation } from '@web/lib/components/resend-activation';
import type { ParticipantCabinet } from '../api/participant-api';

/** What stands between the pupil and practical events, or the good news that nothing does. */
export function NextSteps({ cabinet }: { cabinet: ParticipantCabinet }) {
  if (cabinet.missing.length === 0) {
    return (
      <Alert color="green" title="Всё готово!" role="status">
        Почта подтверждена, родитель связан с твоим кабинетом, согласие получено и первый тест пройден. Ты — полноправный участник программы.
      </Alert>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="next-steps-title" bg="orange.0">
      <Stack gap="sm">
        <Title order={2} id="next-steps-title">
          Что осталось сделать
        </Title>
        <Text>Пока эти шаги не сделаны, записаться на профессиональные пробы не получится.</Text>
        <MissingSteps steps={cabinet.missing} viewer="participant" />
        {!cabinet.status.emailVerified && <ResendActivation />}
      </Stack>
    </Card>
  );
}

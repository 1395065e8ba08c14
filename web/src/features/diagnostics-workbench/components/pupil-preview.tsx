import { useState } from 'react';
import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import { plural } from '@web/lib/format';
import { ItemView } from '@web/lib/components/item-view';

const paragraphs = { whiteSpace: 'pre-line' } as const;

function Intro({ definition, onStart }: { definition: TestDefinition; onStart: () => void }) {
  const count = definition.items.length;
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={3}>{definition.title}</Title>
      <Text fw={600}>{definition.summary}</Text>
      <Text style={paragraphs}>{definition.description}</Text>
      {definition.instructions && <Text style={paragraphs}>{definition.instructions}</Text>}
      <Text size="sm" c="dimmed">
        {definition.kind === 'game'
          ? `Около ${definition.durationMinutes} мин.`
          : `Около ${definition.durationMinutes} мин. · ${count} ${plural(count, ['задание', 'задания', 'заданий'])}`}
      </Text>
      {definition.kind === 'game' ? (
        <Text>Игру в предпросмотре не запустить: её задания создаются во время игры.</Text>
      ) : (
        <Button onClick={onStart}>Начать</Button>
      )}
    </Stack>
  );
}

function Finish({ onRestart }: { onRestart: () => void }) {
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={3}>Все задания пройдены</Title>
      <Text>Здесь ученик увидит свои результаты. В предпросмотре ответы не сохраняются и не оцениваются.</Text>
      <Button variant="default" onClick={onRestart}>
        Пройти ещё раз
      </Button>
    </Stack>
  );
}

/** The test as a pupil meets it: the introduction, then one item at a time. Answers stay in this component. */
export function PupilPreview({ definition }: { definition: TestDefinition }) {
  // -1: the introduction; items.length: the end.
  const [step, setStep] = useState(-1);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const items = definition.items;
  if (step < 0) return <Intro definition={definition} onStart={() => setStep(0)} />;
  if (step >= items.length) {
    return (
      <Finish
        onRestart={() => {
          setAnswers({});
          setStep(-1);
        }}
      />
    );
  }
  const item = items[step]!;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">{`Задание ${step + 1} из ${items.length}`}</Text>
        <Progress value={((step + 1) / items.length) * 100} aria-label={`Задание ${step + 1} из ${items.length}`} />
      </Stack>
      <ItemView key={item.id} item={item} value={answers[item.id]} onChange={(value) => setAnswers((prev) => ({ ...prev, [item.id]: value }))} />
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep(step - 1)}>
          Назад
        </Button>
        <Button onClick={() => setStep(step + 1)}>{step === items.length - 1 ? 'Завершить' : 'Далее'}</Button>
      </Group>
    </Stack>
  );
}

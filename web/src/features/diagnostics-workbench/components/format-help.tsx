import { useState } from 'react';
import { Anchor, Code, Group, List, Modal, Stack, Text, Title } from '@mantine/core';

const SCHEMA_URL = '/api/diagnostics/definition-schema.json';

const TOP_LEVEL: Array<[string, string]> = [
  ['format', 'всегда 1'],
  ['slug', 'постоянный код теста во всех версиях: interests-spheres-6-7'],
  ['kind', 'test — тест, game — игра'],
  ['title, summary, description, instructions', 'что читает ученик: название, одна строка для каталога, описание, как отвечать. Только обычный текст, без HTML'],
  ['gradeBands', 'параллели: 6-7, 8-9, 10-11'],
  ['durationMinutes, retakeAfterDays', 'сколько минут занимает тест и через сколько дней его можно пройти снова'],
  ['source, licence', 'откуда задания и на каких условиях'],
  ['ovz', 'только у адаптированного варианта: { variantOf: slug основного теста, adaptations: что изменено }'],
  ['game', 'только у игр: { type: schulte | sequence | rotation | stroop | nback | tower }'],
  ['items', 'задания (у теста от 1 до 200)'],
  ['scales', 'что измеряется: хотя бы одна шкала'],
];

const ITEM_TYPES: Array<[string, string]> = [
  ['single', 'один вариант из options (2–12)'],
  ['multiple', 'несколько вариантов, не больше maxChoices'],
  ['likert', 'шкала из points делений (3–7), подписи в labels'],
  ['forced', 'выбор из двух вариантов'],
  ['ranking', 'расставить options (2–8) по порядку'],
  ['numeric', 'число от min до max, integer, unit'],
];

function Fields({ rows }: { rows: Array<[string, string]> }) {
  return (
    <List spacing={4} size="sm">
      {rows.map(([field, meaning]) => (
        <List.Item key={field}>
          <Code>{field}</Code> — {meaning}
        </List.Item>
      ))}
    </List>
  );
}

/** The format in one screen: enough to write a definition or to read an error's field. */
function FormatHelpText() {
  return (
    <Stack gap="md">
      <Text size="sm">
        Тест или игра — один файл YAML или JSON. Кнопка «Проверить» называет строку и поле каждой ошибки, например{' '}
        <Code>scales.0.keys.1.item</Code> — поле item второго ключа первой шкалы (счёт идёт с нуля).
      </Text>
      <Title order={3}>Верхний уровень</Title>
      <Fields rows={TOP_LEVEL} />
      <Title order={3}>Задания</Title>
      <Text size="sm">
        У каждого задания есть <Code>id</Code>, <Code>type</Code>, <Code>text</Code> и необязательная подсказка <Code>hint</Code>.
      </Text>
      <Fields rows={ITEM_TYPES} />
      <Title order={3}>Шкалы</Title>
      <Text size="sm">
        У шкалы есть <Code>id</Code>, <Code>title</Code>, способ подсчёта <Code>method</Code> (sum или mean), ключи <Code>keys</Code> —
        какие ответы каких заданий дают баллы, необязательные нормы <Code>norms</Code>, связи с измерениями профиля <Code>maps</Code> и
        уровни <Code>levels</Code> с интерпретацией, покрывающие 0–100 без пропусков. У игр вместо ключей — <Code>metric</Code>.
      </Text>
      <Text size="sm">
        Полное описание формата — в документации проекта (docs/diagnostics/FORMAT.md), машиночитаемая схема —{' '}
        <Anchor href={SCHEMA_URL} download="test-definition.schema.json">
          JSON Schema
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

/** The links every workbench page offers: the schema to download and the short help. */
export function FormatLinks() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Group gap="md">
        <Anchor href={SCHEMA_URL} download="test-definition.schema.json">
          Скачать JSON Schema
        </Anchor>
        <Anchor component="button" type="button" onClick={() => setOpened(true)}>
          Справка по формату
        </Anchor>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Формат определения теста" size="lg">
        <FormatHelpText />
      </Modal>
    </>
  );
}

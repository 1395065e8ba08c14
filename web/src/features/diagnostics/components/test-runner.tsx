import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import { errorMessage } from '@web/lib/api-client';
import { plural } from '@web/lib/format';
import { useCompleteAttempt, type Attempt } from '../api/diagnostics-api';
import { useAnswerSaver, type SaveState } from '../api/use-answer-saver';
import { ItemView } from '@web/lib/components/item-view';

/** An empty set of ticks is no answer: the server would refuse it. */
const isAnswer = (value: AnswerValue | undefined): value is AnswerValue => value !== undefined && !(Array.isArray(value) && value.length === 0);

const questions = (n: number) => `${n} ${plural(n, ['вопрос', 'вопроса', 'вопросов'])}`;

function SaveStatus({ state, onRetry }: { state: SaveState | undefined; onRetry: () => void }) {
  if (state?.status === 'error') {
    return (
      <Alert color="red" title="Ответ не сохранился" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{state.message}</Text>
          <Button size="xs" variant="outline" color="red.9" onClick={onRetry}>
            Повторить
          </Button>
        </Stack>
      </Alert>
    );
  }
  const text = state?.status === 'saving' ? 'Сохраняем…' : state?.status === 'saved' ? 'Сохранено' : '';
  return (
    <Text size="sm" c="gray.7" role="status" mih={22}>
      {text}
    </Text>
  );
}

function Intro({ attempt, onStart }: { attempt: Attempt; onStart: () => void }) {
  const { test } = attempt;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="flex-start">
        <Text style={{ whiteSpace: 'pre-line' }}>{test.description}</Text>
        {test.instructions && (
          <>
            <Title order={2} fz="h3">
              Как отвечать
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{test.instructions}</Text>
          </>
        )}
        <Text c="gray.7">{`${questions(test.items.length)}, около ${test.durationMinutes} ${plural(test.durationMinutes, ['минуты', 'минут', 'минут'])}. Каждый ответ сохраняется сразу — можно прерваться и продолжить потом.`}</Text>
        <Button size="lg" onClick={onStart}>
          Начать тест
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * A test, one item per screen. Every answer is saved as it is given; after a reload the test
 * opens at the first item still without an answer. «Завершить» on the last item sends it for
 * scoring and opens the result.
 */
export function TestRunner({ attempt }: { attempt: Attempt }) {
  const items = attempt.test.items;
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(attempt.answers);
  const firstOpen = items.findIndex((i) => !isAnswer(attempt.answers[i.id]));
  const [index, setIndex] = useState(firstOpen === -1 ? items.length - 1 : firstOpen);
  const [started, setStarted] = useState(Object.keys(attempt.answers).length > 0);
  const [notice, setNotice] = useState<string | null>(null);
  const saver = useAnswerSaver(attempt.id);
  const complete = useCompleteAttempt(attempt.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // A new screen is announced from its top, not from the button that brought it.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [index, started]);

  if (!started) {
    return (
      <Intro
        attempt={attempt}
        onStart={() => {
          moved.current = true;
          setStarted(true);
        }}
      />
    );
  }

  const item = items[index]!;
  const answered = items.filter((i) => isAnswer(answers[i.id])).length;
  const unanswered = items.findIndex((i) => !isAnswer(answers[i.id]));
  const last = index === items.length - 1;

  function go(to: number) {
    moved.current = true;
    setNotice(null);
    complete.reset();
    setIndex(to);
  }

  function answer(value: AnswerValue) {
    setAnswers((a) => ({ ...a, [item.id]: value }));
    setNotice(null);
    if (isAnswer(value)) saver.save(item.id, value);
  }

  function next() {
    if (!isAnswer(answers[item.id])) {
      setNotice('Сначала ответь на этот вопрос — потом можно идти дальше.');
      return;
    }
    go(index + 1);
  }

  function finish() {
    if (unanswered !== -1) {
      const left = items.length - answered;
      setNotice(`Осталось ответить на ${questions(left)}. Начнём с первого из них.`);
      moved.current = true;
      setIndex(unanswered);
      return;
    }
    if (saver.failed.length > 0) {
      setNotice('Не все ответы сохранились. Нажми «Повторить» у вопроса, который открылся.');
      moved.current = true;
      setIndex(items.findIndex((i) => i.id === saver.failed[0]));
      return;
    }
    complete.mutate(undefined, { onSuccess: () => void navigate(`/participant/diagnostics/results/${attempt.id}`, { replace: true }) });
  }

  return (
    <Stack gap="lg">
      {index === firstOpen && firstOpen > 0 && answered === firstOpen && (
        <Text c="gray.7">{`Ответы на ${questions(firstOpen)} уже сохранены — продолжаем с первого вопроса без ответа.`}</Text>
      )}
      <Stack gap={6}>
        <Title order={2} fz="md" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {`Вопрос ${index + 1} из ${items.length}`}
        </Title>
        <Progress value={((index + 1) / items.length) * 100} size="md" color="bilet.7" aria-label={`Вопрос ${index + 1} из ${items.length}`} />
        <Text size="sm" c="gray.7">{`Отвечено: ${answered} из ${items.length}`}</Text>
      </Stack>
      <Card withBorder padding="lg">
        <ItemView key={item.id} item={item} value={answers[item.id]} onChange={answer} disabled={complete.isPending} />
      </Card>
      <SaveStatus state={saver.states[item.id]} onRetry={() => saver.retry(item.id)} />
      {notice && (
        <Alert color="orange" role="alert">
          {notice}
        </Alert>
      )}
      {complete.isError && (
        <Alert color="red" title="Не получилось завершить тест" role="alert">
          {errorMessage(complete.error)}
        </Alert>
      )}
      <Group justify="space-between" gap="sm">
        <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0 || complete.isPending}>
          Назад
        </Button>
        {last ? (
          <Button onClick={finish} loading={complete.isPending} disabled={saver.busy}>
            Завершить
          </Button>
        ) : (
          <Button onClick={next}>Далее</Button>
        )}
      </Group>
    </Stack>
  );
}

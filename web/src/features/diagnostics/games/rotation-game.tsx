import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  MIN_ROTATION_ANSWER_MS,
  type FigureCell,
  type RotationAnswer,
  type RotationEvents,
  type RotationStimulus,
} from '@common/diagnostics/games.js';
import { plural } from '@web/lib/format';
import { Announcer, GameIntro, GameOver, useDebounce, useGameClock } from './game-kit';

const RULES = [
  'Слева — образец, справа — вторая фигура. Она повёрнута: на четверть, половину или три четверти оборота.',
  'Если правую фигуру можно получить, просто повернув образец, нажми «Та же».',
  'Если образец для этого пришлось бы ещё и отразить, как в зеркале, нажми «Зеркальная».',
  'Главное — ответить верно; скорость тоже учитывается, но немного.',
  'С клавиатуры: Tab переходит между кнопками, Enter или пробел выбирают ответ.',
];

/** Both figures of every trial share one scale, so a figure never looks bigger than its pair. */
function Figure({ cells, box, label }: { cells: FigureCell[]; box: number; label: string }) {
  const width = Math.max(...cells.map(([x]) => x)) + 1;
  const height = Math.max(...cells.map(([, y]) => y)) + 1;
  const dx = (box - width) / 2;
  const dy = (box - height) / 2;
  return (
    <svg role="img" aria-label={label} viewBox={`-0.25 -0.25 ${box + 0.5} ${box + 0.5}`} style={{ width: '100%', maxWidth: 200, display: 'block' }}>
      {cells.map(([x, y]) => (
        <rect
          key={`${x}:${y}`}
          x={x + dx}
          y={y + dy}
          width={1}
          height={1}
          fill="var(--mantine-color-bilet-6)"
          stroke="var(--mantine-color-white)"
          strokeWidth={0.08}
        />
      ))}
    </svg>
  );
}

const cells = (n: number) => `${n} ${plural(n, ['клетки', 'клеток', 'клеток'])}`;

/** Records one answer per trial; the right answers are not in the stimulus, only the server has them. */
export function RotationGame({ stimulus, onFinish, busy }: { stimulus: RotationStimulus; onFinish: (events: RotationEvents) => void; busy?: boolean }) {
  const { trials } = stimulus;
  const clock = useGameClock();
  // A trial appears the moment the one before is answered, so the gap between answers is the time to look.
  const accept = useDebounce(MIN_ROTATION_ANSWER_MS);
  const answers = useRef<RotationEvents['answers']>([]);
  const firstButton = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<'intro' | 'play' | 'done'>('intro');
  const [trial, setTrial] = useState(0);
  const [message, setMessage] = useState('');
  const box = useMemo(() => Math.max(...trials.flatMap((t) => [...t.sample, ...t.probe].map(([x, y]) => Math.max(x, y) + 1))), [trials]);

  useEffect(() => {
    if (phase === 'play') firstButton.current?.focus();
  }, [phase]);

  function start() {
    clock.start();
    setPhase('play');
    setMessage(`Задание 1 из ${trials.length}.`);
  }

  function answer(value: RotationAnswer) {
    const t = clock.now();
    if (phase !== 'play' || !accept(t)) return;
    answers.current.push({ trial, answer: value, t });
    if (trial + 1 < trials.length) {
      setTrial(trial + 1);
      setMessage(`Задание ${trial + 2} из ${trials.length}.`);
    } else {
      setPhase('done');
      onFinish({ answers: answers.current });
    }
  }

  if (phase === 'intro') return <GameIntro rules={RULES} onStart={start} />;
  if (phase === 'done') return <GameOver busy={busy} />;

  const { sample, probe } = trials[trial]!;
  return (
    <Stack gap="md" maw={480} w="100%">
      <Announcer message={message} />
      <Text fw={600}>{`Задание ${trial + 1} из ${trials.length}`}</Text>
      <SimpleGrid cols={2} spacing="md">
        <Stack gap={4} align="center">
          <Text size="sm" c="gray.8">
            Образец
          </Text>
          <Figure cells={sample} box={box} label={`Образец: фигура из ${cells(sample.length)}`} />
        </Stack>
        <Stack gap={4} align="center">
          <Text size="sm" c="gray.8">
            Вторая фигура
          </Text>
          <Figure cells={probe} box={box} label={`Вторая фигура из ${cells(probe.length)}: повёрнутый образец или его зеркальное отражение`} />
        </Stack>
      </SimpleGrid>
      <Text>Это та же фигура, только повёрнутая, или зеркальная?</Text>
      <Group grow gap="sm">
        <Button ref={firstButton} size="lg" onClick={() => answer('same')}>
          Та же
        </Button>
        <Button size="lg" variant="outline" onClick={() => answer('mirror')}>
          Зеркальная
        </Button>
      </Group>
    </Stack>
  );
}

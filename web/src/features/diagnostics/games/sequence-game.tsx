import { useEffect, useRef, useState } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { MIN_TAP_GAP_MS, type SequenceEvents, type SequenceStimulus, type SequenceTap } from '@common/diagnostics/games.js';
import { plural } from '@web/lib/format';
import { Announcer, CellGrid, GameIntro, GameOver, useDebounce, useGameClock } from './game-kit';

const RULES = [
  'Смотри на поле: клетки загорятся по очереди.',
  'Когда появится надпись «Повтори», нажми те же клетки в том же порядке.',
  'Каждый верный ответ делает последовательность на одну клетку длиннее. Ошибся — будет ещё одна попытка той же длины; после двух ошибок подряд игра закончится.',
  'С клавиатуры: стрелки перемещают по полю, Enter или пробел нажимают клетку.',
];

type Phase = 'intro' | 'watch' | 'repeat' | 'done';

/**
 * Shows each round's sequence and records the taps. Which round comes next depends on whether the
 * last one was repeated right; the server replays the same rule, so it checks rather than trusts.
 */
export function SequenceGame({ stimulus, onFinish, busy }: { stimulus: SequenceStimulus; onFinish: (events: SequenceEvents) => void; busy?: boolean }) {
  const { gridSize, timing, spans } = stimulus;
  const clock = useGameClock();
  const accept = useDebounce(MIN_TAP_GAP_MS);
  const taps = useRef<SequenceTap[]>([]);
  const [phase, setPhase] = useState<Phase>('intro');
  const [round, setRound] = useState(0);
  const [span, setSpan] = useState(0);
  const [fails, setFails] = useState(0);
  const [tapped, setTapped] = useState(0);
  const [lit, setLit] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const { length, attempts } = spans[span]!;
  const shown = attempts[fails]!;

  useEffect(() => {
    if (phase !== 'watch') return;
    const step = timing.litMs + timing.gapMs;
    const timers = shown.flatMap((cell, i) => [
      window.setTimeout(() => {
        setLit(cell);
        setMessage(`Клетка ${cell + 1}`);
      }, timing.pauseMs + i * step),
      window.setTimeout(() => setLit(null), timing.pauseMs + i * step + timing.litMs),
    ]);
    timers.push(
      window.setTimeout(() => {
        setPhase('repeat');
        setMessage(`Повтори: нажми ${cells(length)} по порядку.`);
      }, timing.pauseMs + shown.length * step),
    );
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [phase, round, shown, length, timing]);

  function start() {
    clock.start();
    setPhase('watch');
    setMessage('Смотри, какие клетки загорятся.');
  }

  function press(cell: number) {
    const t = clock.now();
    if (phase !== 'repeat' || !accept(t)) return;
    taps.current.push({ round, cell, t });
    if (tapped + 1 < length) {
      setTapped(tapped + 1);
      return;
    }
    const answer = taps.current.slice(-length).map((tap) => tap.cell);
    const right = answer.every((c, i) => c === shown[i]);
    const ended = right ? span + 1 === spans.length : fails + 1 === attempts.length;
    setTapped(0);
    if (ended) {
      setPhase('done');
      onFinish({ taps: taps.current });
      return;
    }
    if (right) {
      setSpan(span + 1);
      setFails(0);
      setMessage('Верно! Следующая последовательность на одну клетку длиннее.');
    } else {
      setFails(fails + 1);
      setMessage('Не совпало. Ещё одна попытка той же длины.');
    }
    setRound(round + 1);
    setPhase('watch');
  }

  if (phase === 'intro') return <GameIntro rules={RULES} onStart={start} />;

  return (
    <Stack gap="md" align="center">
      <Announcer message={message} />
      {phase === 'done' ? (
        <GameOver busy={busy} />
      ) : (
        <>
          <Group justify="space-between" w="100%" maw={gridSize * 84}>
            <Text fw={600}>{`Раунд ${round + 1} · ${cells(length)}`}</Text>
            <Text size="lg" fw={600} c={phase === 'repeat' ? 'bilet.8' : 'gray.8'}>
              {phase === 'repeat' ? `Повтори: ${tapped} из ${length}` : 'Смотри…'}
            </Text>
          </Group>
          <CellGrid
            size={gridSize}
            label="Поле с клетками"
            autoFocus
            inactive={phase !== 'repeat'}
            cells={Array.from({ length: gridSize * gridSize }, (_, i) => ({
              label: `Клетка ${i + 1}`,
              // A shape as well as a colour, for those who tell colours apart poorly.
              content: lit === i ? '●' : null,
              lit: lit === i,
            }))}
            onPress={press}
          />
        </>
      )}
    </Stack>
  );
}

const cells = (n: number) => `${n} ${plural(n, ['клетка', 'клетки', 'клеток'])}`;

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Box, Group, Kbd, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  MIN_TAP_GAP_MS,
  TOWER_CAPACITIES,
  moveBall,
  sameTowerState,
  type TowerBall,
  type TowerEvents,
  type TowerMove,
  type TowerState,
  type TowerStimulus,
} from '@common/diagnostics/games.js';
import { plural } from '@web/lib/format';
import { Announcer, GameIntro, GameOver, useDebounce, useGameClock } from './game-kit';

/** A letter on every ball, so the colours need not be told apart; white letters keep 4.5:1 on these shades. */
const BALLS: Record<TowerBall, { name: string; letter: string; fill: string }> = {
  red: { name: 'красный', letter: 'К', fill: 'var(--mantine-color-red-9)' },
  green: { name: 'зелёный', letter: 'З', fill: 'var(--mantine-color-green-9)' },
  blue: { name: 'синий', letter: 'С', fill: 'var(--mantine-color-blue-9)' },
};

const RULES = [
  'Три стержня: на первый помещаются три шара, на второй — два, на третий — один.',
  'Переложи шары так, как на образце, за наименьшее число ходов — игра его назовёт. Брать можно только верхний шар.',
  'Сделать ход: нажми стержень, с которого берёшь шар, затем стержень, куда кладёшь.',
  'Сначала продумай путь — время не ограничено, но число ходов ограничено: после предела игра перейдёт к следующей задаче.',
  'На шарах буквы: К — красный, З — зелёный, С — синий.',
  'С клавиатуры: клавиши 1, 2 и 3 выбирают стержень, Tab переходит между стержнями, Enter или пробел нажимают, Esc отменяет выбор.',
];

const moves = (n: number) => `${n} ${plural(n, ['ход', 'хода', 'ходов'])}`;

function describePeg(balls: readonly TowerBall[], index: number): string {
  const content = balls.length === 0 ? 'пусто' : `снизу вверх: ${balls.map((b) => BALLS[b].name).join(', ')}`;
  return `Стержень ${index + 1} — ${content}`;
}

function describeState(state: TowerState): string {
  return state.map(describePeg).join('; ');
}

/** One peg with its balls, drawn bottom up in slots as tall as the peg's capacity. */
function Peg({ balls, capacity, size }: { balls: readonly TowerBall[]; capacity: number; size: number }) {
  return (
    <Stack gap={4} align="center" justify="flex-end" style={{ minHeight: 3 * (size + 4) + 12 }}>
      {[...balls].reverse().map((ball, i) => (
        <Box
          key={`${ball}-${i}`}
          aria-hidden="true"
          style={{
            width: size,
            height: size,
            borderRadius: '50%',
            background: BALLS[ball].fill,
            color: 'var(--mantine-color-white)',
            display: 'grid',
            placeItems: 'center',
            fontWeight: 800,
            fontSize: size * 0.45,
          }}
        >
          {BALLS[ball].letter}
        </Box>
      ))}
      <Box aria-hidden="true" style={{ width: 8, height: capacity * (size + 4) - balls.length * (size + 4) + 8, background: 'var(--mantine-color-gray-6)', borderRadius: 4 }} />
      <Box aria-hidden="true" style={{ width: size + 16, height: 6, background: 'var(--mantine-color-gray-7)', borderRadius: 3 }} />
    </Stack>
  );
}

/**
 * Records every move; whether a problem is solved and when the next begins follows the same rule
 * the server replays, so the pupil sees what the server will count.
 */
export function TowerGame({ stimulus, onFinish, busy }: { stimulus: TowerStimulus; onFinish: (events: TowerEvents) => void; busy?: boolean }) {
  const { problems } = stimulus;
  const clock = useGameClock();
  const accept = useDebounce(MIN_TAP_GAP_MS);
  const log = useRef<TowerMove[]>([]);
  const pegButtons = useRef<Array<HTMLButtonElement | null>>([]);
  const [phase, setPhase] = useState<'intro' | 'play' | 'done'>('intro');
  const [problem, setProblem] = useState(0);
  const [state, setState] = useState<TowerState>(problems[0]!.start);
  const [made, setMade] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const { goal, minMoves, maxMoves } = problems[problem]!;

  useEffect(() => {
    if (phase === 'play') pegButtons.current[0]?.focus();
  }, [phase]);

  function start() {
    clock.start();
    setPhase('play');
    setMessage(`Задача 1 из ${problems.length}: сложи как на образце за ${moves(problems[0]!.minMoves)}.`);
  }

  function press(peg: number) {
    const t = clock.now();
    if (phase !== 'play' || !accept(t)) return;
    if (selected === null) {
      if (state[peg]!.length === 0) {
        setMessage(`На стержне ${peg + 1} нет шаров.`);
        return;
      }
      setSelected(peg);
      setMessage(`Взят ${BALLS[state[peg]!.at(-1)!].name} шар со стержня ${peg + 1}. Куда положить?`);
      return;
    }
    if (selected === peg) {
      setSelected(null);
      setMessage('Шар возвращён на место.');
      return;
    }
    const next = moveBall(state, selected, peg);
    if (!next) {
      setMessage(`Стержень ${peg + 1} заполнен. Выбери другой.`);
      return;
    }
    log.current.push({ problem, from: selected, to: peg, t });
    setSelected(null);
    const count = made + 1;
    const solved = sameTowerState(next, goal);
    if (!solved && count < maxMoves) {
      setState(next);
      setMade(count);
      setMessage(`Ход ${count}. ${describeState(next)}.`);
      return;
    }
    const outcome = solved ? `Решено за ${moves(count)}.` : `Ходы закончились, задача не решена.`;
    if (problem + 1 === problems.length) {
      setPhase('done');
      setMessage(outcome);
      onFinish({ moves: log.current });
      return;
    }
    const following = problems[problem + 1]!;
    setProblem(problem + 1);
    setState(following.start);
    setMade(0);
    setMessage(`${outcome} Задача ${problem + 2} из ${problems.length}: сложи как на образце за ${moves(following.minMoves)}.`);
  }

  const onKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' && selected !== null) {
      event.preventDefault();
      setSelected(null);
      setMessage('Выбор отменён.');
      return;
    }
    const peg = Number(event.key) - 1;
    if (Number.isInteger(peg) && peg >= 0 && peg < TOWER_CAPACITIES.length) {
      event.preventDefault();
      pegButtons.current[peg]?.focus();
      press(peg);
    }
  });
  useEffect(() => {
    if (phase !== 'play') return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase]);

  if (phase === 'intro') return <GameIntro rules={RULES} onStart={start} />;

  return (
    <Stack gap="md" maw={520} w="100%">
      <Announcer message={message} />
      {phase === 'done' ? (
        <GameOver busy={busy} />
      ) : (
        <>
          <Group justify="space-between" align="baseline">
            <Text fw={600}>{`Задача ${problem + 1} из ${problems.length}`}</Text>
            <Text>{`Ходов: ${made} · наименьшее — ${minMoves} · предел — ${maxMoves}`}</Text>
          </Group>
          <Stack gap={4}>
            <Text size="sm" c="gray.8">
              Образец
            </Text>
            <Group
              role="img"
              aria-label={`Образец. ${describeState(goal)}`}
              grow
              gap="xs"
              p="xs"
              style={{ border: '2px dashed var(--mantine-color-gray-6)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              {goal.map((balls, i) => (
                <Peg key={i} balls={balls} capacity={TOWER_CAPACITIES[i]!} size={26} />
              ))}
            </Group>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" c="gray.8">
              {selected === null ? 'Твои стержни: выбери, откуда взять шар' : `Шар со стержня ${selected + 1} взят: выбери, куда положить`}
            </Text>
            <Group role="group" aria-label="Твои стержни" grow gap="xs" wrap="nowrap">
              {state.map((balls, i) => (
                <UnstyledButton
                  key={i}
                  ref={(el) => {
                    pegButtons.current[i] = el;
                  }}
                  aria-label={`${describePeg(balls, i)}; мест: ${TOWER_CAPACITIES[i]}`}
                  aria-pressed={selected === i}
                  onClick={() => press(i)}
                  style={{
                    padding: 8,
                    border: selected === i ? '4px solid var(--mantine-color-bilet-7)' : '2px solid var(--mantine-color-gray-7)',
                    borderRadius: 'var(--mantine-radius-md)',
                    background: selected === i ? 'var(--mantine-color-bilet-0)' : 'var(--mantine-color-white)',
                    touchAction: 'manipulation',
                    minHeight: 44,
                  }}
                >
                  <Peg balls={balls} capacity={TOWER_CAPACITIES[i]!} size={36} />
                  <Group justify="center" gap={6} mt={6}>
                    <Kbd aria-hidden="true">{i + 1}</Kbd>
                    {/* The lifted state in words as well as by the frame. */}
                    {selected === i && (
                      <Text size="sm" fw={700} c="bilet.8" aria-hidden="true">
                        взят
                      </Text>
                    )}
                  </Group>
                </UnstyledButton>
              ))}
            </Group>
          </Stack>
        </>
      )}
    </Stack>
  );
}

import { useRef, useState } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { MIN_TAP_GAP_MS, type SchulteClick, type SchulteEvents, type SchulteStimulus } from '@common/diagnostics/games.js';
import { Announcer, CellGrid, GameIntro, GameOver, useDebounce, useGameClock } from './game-kit';

const RULES = [
  'В таблице вперемешку стоят числа. Нажимай их по порядку, начиная с 1, как можно быстрее.',
  'Как только найдёшь последнее число, сразу появится следующая таблица.',
  'Ошибка — не страшно: просто ищи нужное число дальше, но не нажимай наугад.',
  'С клавиатуры: стрелки перемещают по таблице, Enter или пробел нажимают число.',
];

type Phase = 'intro' | 'play' | 'done';

/** Records every click; which ones were right is for the server to judge again. */
export function SchulteGame({ stimulus, onFinish, busy }: { stimulus: SchulteStimulus; onFinish: (events: SchulteEvents) => void; busy?: boolean }) {
  const { size, tables } = stimulus;
  const last = size * size;
  const clock = useGameClock();
  const accept = useDebounce(MIN_TAP_GAP_MS);
  const clicks = useRef<SchulteClick[]>([]);
  const [phase, setPhase] = useState<Phase>('intro');
  const [table, setTable] = useState(0);
  const [next, setNext] = useState(1);
  const [message, setMessage] = useState('');

  function start() {
    clock.start();
    setPhase('play');
    setMessage(`Таблица 1 из ${tables.length}. Найди 1.`);
  }

  function press(cell: number) {
    const t = clock.now();
    if (phase !== 'play' || !accept(t)) return;
    clicks.current.push({ table, cell, t });
    if (tables[table]![cell] !== next) {
      setMessage(`Не то число. Ищи ${next}.`);
      return;
    }
    if (next < last) {
      setNext(next + 1);
      setMessage(`Найди ${next + 1}.`);
    } else if (table + 1 < tables.length) {
      setTable(table + 1);
      setNext(1);
      setMessage(`Таблица ${table + 2} из ${tables.length}. Найди 1.`);
    } else {
      setPhase('done');
      onFinish({ clicks: clicks.current });
    }
  }

  if (phase === 'intro') return <GameIntro rules={RULES} onStart={start} />;

  return (
    <Stack gap="md" align="center">
      <Announcer message={message} />
      {phase === 'done' ? (
        <GameOver busy={busy} />
      ) : (
        <>
          <Group justify="space-between" w="100%" maw={size * 84}>
            <Text fw={600}>{`Таблица ${table + 1} из ${tables.length}`}</Text>
            <Text size="lg">
              Найди: <strong>{next}</strong>
            </Text>
          </Group>
          <CellGrid
            size={size}
            label={`Таблица ${table + 1} из ${tables.length}`}
            autoFocus
            cells={tables[table]!.map((n) => ({ label: `Число ${n}`, content: n }))}
            onPress={press}
          />
        </>
      )}
    </Stack>
  );
}

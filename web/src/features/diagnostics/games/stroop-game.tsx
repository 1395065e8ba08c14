import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Box, Button, Kbd, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  MIN_STROOP_ANSWER_MS,
  STROOP_COLOURS,
  type StroopAnswer,
  type StroopColour,
  type StroopEvents,
  type StroopStimulus,
} from '@common/diagnostics/games.js';
import { Announcer, GameIntro, GameOver, useDebounce, useGameClock } from './game-kit';

/**
 * Each colour has a name, a key and a shape, so that a pupil who tells colours apart poorly still
 * knows the ink. The inks are light shades that keep 4.5:1 and more on the dark panel.
 */
const COLOURS: Record<StroopColour, { name: string; word: string; shape: string; ink: string }> = {
  red: { name: 'Красный', word: 'КРАСНЫЙ', shape: 'круг', ink: 'var(--mantine-color-red-4)' },
  blue: { name: 'Синий', word: 'СИНИЙ', shape: 'квадрат', ink: 'var(--mantine-color-blue-3)' },
  green: { name: 'Зелёный', word: 'ЗЕЛЁНЫЙ', shape: 'треугольник', ink: 'var(--mantine-color-green-4)' },
  yellow: { name: 'Жёлтый', word: 'ЖЁЛТЫЙ', shape: 'звезда', ink: 'var(--mantine-color-yellow-4)' },
};

const RULES = [
  'На экране появится слово — название цвета. Смотри не на смысл слова, а на цвет его букв.',
  'Рядом со словом — значок того же цвета: круг — красный, квадрат — синий, треугольник — зелёный, звезда — жёлтый.',
  'Нажми кнопку с цветом букв. Отвечай точно и не медли: учитываются и верность, и скорость.',
  'С клавиатуры: клавиши 1, 2, 3 и 4 выбирают цвет; Tab переходит между кнопками, Enter или пробел нажимают.',
];

function Shape({ colour, size }: { colour: StroopColour; size: number }) {
  const fill = COLOURS[colour].ink;
  const stroke = 'var(--mantine-color-dark-9)';
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 20 20" style={{ flexShrink: 0 }}>
      {colour === 'red' && <circle cx={10} cy={10} r={8.5} fill={fill} stroke={stroke} strokeWidth={1.5} />}
      {colour === 'blue' && <rect x={2} y={2} width={16} height={16} fill={fill} stroke={stroke} strokeWidth={1.5} />}
      {colour === 'green' && <polygon points="10,1.5 18.5,18 1.5,18" fill={fill} stroke={stroke} strokeWidth={1.5} />}
      {colour === 'yellow' && (
        <polygon points="10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.4 10,14.8 4.4,18.4 6,11.8 1,7.6 7.4,7.2" fill={fill} stroke={stroke} strokeWidth={1.5} />
      )}
    </svg>
  );
}

/** Records one answer per word; which ones were right the server works out again from the seed. */
export function StroopGame({ stimulus, onFinish, busy }: { stimulus: StroopStimulus; onFinish: (events: StroopEvents) => void; busy?: boolean }) {
  const { pauseMs, trials } = stimulus;
  const clock = useGameClock();
  // The word appears `pauseMs` after an answer; a press sooner than anyone can read it is dropped.
  const accept = useDebounce(pauseMs + MIN_STROOP_ANSWER_MS);
  const answers = useRef<StroopAnswer[]>([]);
  const firstButton = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<'intro' | 'play' | 'done'>('intro');
  const [trial, setTrial] = useState(0);
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (phase !== 'play') return;
    const timer = window.setTimeout(() => setShown(true), pauseMs);
    return () => window.clearTimeout(timer);
  }, [phase, trial, pauseMs]);

  useEffect(() => {
    if (phase === 'play') firstButton.current?.focus();
  }, [phase]);

  function start() {
    clock.start();
    setPhase('play');
    setMessage(`Слово 1 из ${trials.length}.`);
  }

  function answer(colour: StroopColour) {
    const t = clock.now();
    if (phase !== 'play' || !accept(t)) return;
    answers.current.push({ trial, answer: colour, t });
    if (trial + 1 < trials.length) {
      // The cross first, in the same render: the next word must not flash before its pause.
      setShown(false);
      setTrial(trial + 1);
      setMessage(`Слово ${trial + 2} из ${trials.length}.`);
    } else {
      setPhase('done');
      onFinish({ answers: answers.current });
    }
  }

  // Digits answer wherever focus is, so a keyboard player need not move between the buttons.
  const onDigit = useEffectEvent((colour: StroopColour) => answer(colour));
  useEffect(() => {
    if (phase !== 'play') return;
    function onKey(event: globalThis.KeyboardEvent) {
      const colour = STROOP_COLOURS[Number(event.key) - 1];
      if (!colour || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      onDigit(colour);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase]);

  if (phase === 'intro') return <GameIntro rules={RULES} onStart={start} />;
  if (phase === 'done') return <GameOver busy={busy} />;

  const { word, ink } = trials[trial]!;
  return (
    <Stack gap="md" maw={480} w="100%">
      <Announcer message={message} />
      <Text fw={600}>{`Слово ${trial + 1} из ${trials.length}`}</Text>
      <Box
        role="img"
        aria-label={shown ? `Слово «${COLOURS[word].word}», цвет букв — ${COLOURS[ink].name.toLowerCase()} (${COLOURS[ink].shape})` : 'Крестик: приготовься'}
        style={{
          background: 'var(--mantine-color-dark-7)',
          borderRadius: 'var(--mantine-radius-md)',
          minHeight: 120,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 12,
          padding: 12,
        }}
      >
        {shown ? (
          <>
            <Shape colour={ink} size={32} />
            <span style={{ color: COLOURS[ink].ink, fontSize: 'clamp(1.6rem, 8vw, 2.4rem)', fontWeight: 800, letterSpacing: '0.04em' }}>
              {COLOURS[word].word}
            </span>
          </>
        ) : (
          <span style={{ color: 'var(--mantine-color-gray-3)', fontSize: '2.4rem', fontWeight: 700 }}>+</span>
        )}
      </Box>
      <Text>Какого цвета буквы?</Text>
      <SimpleGrid cols={2} spacing="sm">
        {STROOP_COLOURS.map((colour, i) => (
          <Button
            key={colour}
            ref={i === 0 ? firstButton : undefined}
            size="lg"
            variant="default"
            justify="flex-start"
            leftSection={<Shape colour={colour} size={22} />}
            rightSection={<Kbd aria-hidden="true">{i + 1}</Kbd>}
            onClick={() => answer(colour)}
            style={{ touchAction: 'manipulation' }}
          >
            {COLOURS[colour].name}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

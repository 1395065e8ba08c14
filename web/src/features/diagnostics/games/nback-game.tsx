import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { MIN_NBACK_RESPONSE_MS, type NbackEvents, type NbackResponse, type NbackStimulus } from '@common/diagnostics/games.js';
import { Announcer, GameIntro, GameOver, useGameClock } from './game-kit';

/** How often the field looks at the clock; letters follow the clock, not the timers, so they never drift from the server's schedule. */
const TICK_MS = 50;

function compareWith(n: number): string {
  if (n === 1) return 'с предыдущей буквой';
  return `с буквой, показанной ${n === 2 ? 'двумя' : 'тремя'} шагами раньше`;
}

function rules(n: number): string[] {
  return [
    'Буквы будут появляться по одной, через равные промежутки времени.',
    `Сравнивай каждую букву ${compareWith(n)}. Если они одинаковые — нажми «Совпадает».`,
    'Если не совпадает — ничего не нажимай, просто жди следующую букву. На каждую букву засчитывается одно нажатие.',
    'Лишние нажатия снижают результат так же, как пропущенные совпадения.',
    'С клавиатуры: кнопка «Совпадает» сама получит фокус — нажимай пробел или Enter.',
  ];
}

/**
 * Shows the letters on a fixed clock and records presses of «Совпадает». The letter a press
 * belongs to is the one whose time it falls in, exactly as the server places it.
 */
export function NbackGame({ stimulus, onFinish, busy }: { stimulus: NbackStimulus; onFinish: (events: NbackEvents) => void; busy?: boolean }) {
  const { n, timing, letters } = stimulus;
  const clock = useGameClock();
  const responses = useRef<NbackResponse[]>([]);
  // A second tick may come before the finished game re-renders; the events go once.
  const finished = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<'intro' | 'play' | 'done'>('intro');
  // The letter whose time it is (−1 during the opening pause) and whether it is still on screen.
  const [trial, setTrial] = useState(-1);
  const [visible, setVisible] = useState(false);
  const [answered, setAnswered] = useState(-1);
  const [message, setMessage] = useState('');

  const end = timing.pauseMs + letters.length * timing.trialMs;
  const onTick = useEffectEvent(() => {
    const t = clock.now();
    if (finished.current) return;
    if (t >= end) {
      finished.current = true;
      setPhase('done');
      onFinish({ responses: responses.current, finishedAt: t });
      return;
    }
    const current = t < timing.pauseMs ? -1 : Math.floor((t - timing.pauseMs) / timing.trialMs);
    const on = current >= 0 && (t - timing.pauseMs) % timing.trialMs < timing.shownMs;
    if (current !== trial) {
      setTrial(current);
      setMessage(`Буква ${letters[current]}`);
    }
    if (on !== visible) setVisible(on);
  });

  useEffect(() => {
    if (phase !== 'play') return;
    button.current?.focus();
    const timer = window.setInterval(onTick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [phase]);

  function start() {
    clock.start();
    setPhase('play');
    setMessage(`Приготовься: сравнивай ${compareWith(n)}.`);
  }

  function press() {
    const t = clock.now();
    if (phase !== 'play' || t < timing.pauseMs) return;
    const current = Math.floor((t - timing.pauseMs) / timing.trialMs);
    // Too soon after a letter appears the press was meant for the one before; one press per letter.
    if (current >= letters.length || current === answered || t - (timing.pauseMs + current * timing.trialMs) < MIN_NBACK_RESPONSE_MS) return;
    responses.current.push({ trial: current, t });
    setAnswered(current);
    setMessage('Нажатие принято.');
  }

  if (phase === 'intro') return <GameIntro rules={rules(n)} onStart={start} />;
  if (phase === 'done') return <GameOver busy={busy} />;

  return (
    <Stack gap="md" maw={420} w="100%" align="center">
      <Announcer message={message} />
      <Group justify="space-between" w="100%">
        <Text fw={600}>{trial < 0 ? 'Приготовься' : `Буква ${trial + 1} из ${letters.length}`}</Text>
        <Text size="sm" c="gray.8">{`Сравнивай ${compareWith(n)}`}</Text>
      </Group>
      <Box
        role="img"
        aria-label={visible ? `Буква ${letters[trial]}` : 'Пустое поле'}
        style={{
          width: 'min(60vw, 200px)',
          aspectRatio: '1',
          display: 'grid',
          placeItems: 'center',
          border: '3px solid var(--mantine-color-gray-7)',
          borderRadius: 'var(--mantine-radius-md)',
          background: 'var(--mantine-color-white)',
          color: 'var(--mantine-color-black)',
          fontSize: 'clamp(3rem, 20vw, 6rem)',
          fontWeight: 800,
        }}
      >
        {visible ? letters[trial] : null}
      </Box>
      <Button ref={button} size="xl" fullWidth onClick={press} style={{ touchAction: 'manipulation' }}>
        Совпадает
      </Button>
      {/* Said in words, not by a colour change: the press counted for this letter. */}
      <Text size="sm" c="gray.8" aria-hidden="true" mih="1.5em">
        {answered === trial && trial >= 0 ? 'Нажатие принято' : ''}
      </Text>
    </Stack>
  );
}

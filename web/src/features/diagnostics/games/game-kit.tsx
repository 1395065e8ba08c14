import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Group, List, Loader, SimpleGrid, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';

/** Milliseconds since «Начать», whole, as the server expects them. */
export function useGameClock() {
  const startedAt = useRef(0);
  const start = useCallback(() => {
    startedAt.current = performance.now();
  }, []);
  const now = useCallback(() => Math.round(performance.now() - startedAt.current), []);
  return { start, now };
}

/**
 * Drops a press that comes sooner than `minGapMs` after the one before (or after the start): a
 * finger bouncing on glass or a held key, which the server would take for a script.
 */
export function useDebounce(minGapMs: number) {
  const last = useRef(0);
  return useCallback(
    (t: number) => {
      if (t - last.current < minGapMs) return false;
      last.current = t;
      return true;
    },
    [minGapMs],
  );
}

export function GameIntro({ rules, onStart }: { rules: string[]; onStart: () => void }) {
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2}>Как играть</Title>
      <List spacing="xs">
        {rules.map((rule) => (
          <List.Item key={rule}>{rule}</List.Item>
        ))}
      </List>
      <Button size="lg" onClick={onStart}>
        Начать
      </Button>
    </Stack>
  );
}

/** The end of a game. The field is gone, so focus moves here instead of falling back to the page's start. */
export function GameOver({ busy }: { busy?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="xs">
      <Title order={2} ref={heading} tabIndex={-1}>
        Игра окончена
      </Title>
      {busy && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>Сохраняем результат…</Text>
        </Group>
      )}
    </Stack>
  );
}

/** Tells screen readers what changed; sighted players see the same on the field. */
export function Announcer({ message }: { message: string }) {
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
      {message}
    </VisuallyHidden>
  );
}

export interface GridCell {
  label: string;
  content?: ReactNode;
  lit?: boolean;
}

const ARROWS: Record<string, (index: number, size: number) => number> = {
  ArrowLeft: (i, size) => (i % size === 0 ? i : i - 1),
  ArrowRight: (i, size) => (i % size === size - 1 ? i : i + 1),
  ArrowUp: (i, size) => (i < size ? i : i - size),
  ArrowDown: (i, size) => (i + size >= size * size ? i : i + size),
};

/**
 * A square field of buttons. Only one of them is in the tab order and the arrow keys move between
 * them, so a keyboard player reaches the field with one Tab and does not tab through 25 cells.
 * `inactive` keeps the buttons focusable (focus would be lost if they were disabled) and tells
 * assistive technology that pressing does nothing yet.
 */
export function CellGrid({
  size,
  label,
  cells,
  inactive = false,
  autoFocus = false,
  onPress,
}: {
  size: number;
  label: string;
  cells: GridCell[];
  inactive?: boolean;
  autoFocus?: boolean;
  onPress: (index: number) => void;
}) {
  const [focused, setFocused] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    if (autoFocus) buttons.current[0]?.focus();
  }, [autoFocus]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const move = ARROWS[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(index, size);
    setFocused(next);
    buttons.current[next]?.focus();
  }

  return (
    <SimpleGrid role="group" aria-label={label} cols={size} spacing={6} w="100%" maw={size * 84}>
      {cells.map((cell, index) => (
        <UnstyledButton
          key={index}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          aria-label={cell.label}
          aria-disabled={inactive || undefined}
          tabIndex={index === focused ? 0 : -1}
          onFocus={() => setFocused(index)}
          onKeyDown={(event) => onKeyDown(event, index)}
          onClick={() => {
            if (!inactive) onPress(index);
          }}
          style={{
            minHeight: 44,
            aspectRatio: '1',
            display: 'grid',
            placeItems: 'center',
            border: '2px solid var(--mantine-color-gray-7)',
            borderRadius: 'var(--mantine-radius-md)',
            background: cell.lit ? 'var(--mantine-color-bilet-7)' : 'var(--mantine-color-white)',
            color: cell.lit ? 'var(--mantine-color-white)' : 'var(--mantine-color-black)',
            fontSize: 'clamp(1.15rem, 5vw, 1.6rem)',
            fontWeight: 700,
            // No double-tap zoom: quick taps must reach the game, not the browser.
            touchAction: 'manipulation',
            userSelect: 'none',
          }}
        >
          {cell.content}
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}

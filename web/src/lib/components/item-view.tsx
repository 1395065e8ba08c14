import { useEffect, useRef, useState } from 'react';
import { Box, Button, Checkbox, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { DefinitionItem } from '@common/diagnostics/definition.js';
import { plural } from '../format';

type ItemOf<T extends DefinitionItem['type']> = Extract<DefinitionItem, { type: T }>;

interface ViewProps<I> {
  item: I;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  disabled?: boolean;
}

/** The item's text is the label of its group: it reads as a question, a little larger than the answers. */
const labelStyles = { label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600, marginBottom: 'var(--mantine-spacing-xs)' } };

function Single({ item, value, onChange, disabled }: ViewProps<ItemOf<'single'>>) {
  return (
    <Radio.Group
      label={item.text}
      description={item.hint}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      styles={labelStyles}
    >
      <Stack gap="sm" mt="xs">
        {item.options.map((o) => (
          <Radio key={o.id} value={o.id} label={o.text} disabled={disabled} size="md" />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function Multiple({ item, value, onChange, disabled }: ViewProps<ItemOf<'multiple'>>) {
  const limit = item.maxChoices;
  const note = limit ? `Можно выбрать не больше ${limit} ${plural(limit, ['варианта', 'вариантов', 'вариантов'])}.` : 'Можно выбрать несколько вариантов.';
  return (
    <Checkbox.Group
      label={item.text}
      description={[item.hint, note].filter(Boolean).join(' ')}
      value={Array.isArray(value) ? value : []}
      onChange={onChange}
      maxSelectedValues={limit}
      disabled={disabled}
      styles={labelStyles}
    >
      <Stack gap="sm" mt="xs">
        {item.options.map((o) => (
          <Checkbox key={o.id} value={o.id} label={o.text} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/**
 * A row of 3–7 numbered points. On a phone the words sit under the two ends and the chosen one is
 * spelled out; from tablets on each point carries its own words. Every point is named in full for
 * screen readers, and arrow keys move along the row.
 */
function Likert({ item, value, onChange, disabled }: ViewProps<ItemOf<'likert'>>) {
  const points = Array.from({ length: item.points }, (_, i) => i + 1);
  const labelOf = (n: number) => item.labels?.[n - 1] ?? null;
  const chosen = typeof value === 'number' ? value : null;
  return (
    <Radio.Group
      label={item.text}
      description={item.hint}
      value={chosen === null ? '' : String(chosen)}
      onChange={(v) => onChange(Number(v))}
      styles={labelStyles}
    >
      <Stack gap={6} mt="xs">
        <Group gap={6} wrap="nowrap" align="stretch">
          {points.map((n) => {
            const words = labelOf(n);
            return (
              <Radio.Card
                key={n}
                value={String(n)}
                disabled={disabled}
                aria-label={words ? `${n} — ${words}` : `${n} из ${item.points}`}
                p={6}
                style={{ flex: '1 1 0', minWidth: 0, minHeight: 48 }}
                bg={chosen === n ? 'bilet.7' : undefined}
                c={chosen === n ? 'white' : undefined}
              >
                <Stack gap={2} align="center" justify="center" h="100%">
                  <Text fw={700} fz="lg" aria-hidden>
                    {n}
                  </Text>
                  {words && (
                    <Text fz="xs" ta="center" lh={1.2} visibleFrom="sm" aria-hidden style={{ overflowWrap: 'anywhere' }}>
                      {words}
                    </Text>
                  )}
                </Stack>
              </Radio.Card>
            );
          })}
        </Group>
        {item.labels && (
          <Group justify="space-between" gap="xs" wrap="nowrap" hiddenFrom="sm" aria-hidden>
            <Text fz="sm" maw="45%">
              {item.labels[0]}
            </Text>
            <Text fz="sm" maw="45%" ta="right">
              {item.labels[item.labels.length - 1]}
            </Text>
          </Group>
        )}
        {chosen !== null && labelOf(chosen) && (
          <Text fz="sm" fw={600} aria-hidden>
            {`Выбрано: ${labelOf(chosen)}`}
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}

function Forced({ item, value, onChange, disabled }: ViewProps<ItemOf<'forced'>>) {
  return (
    <Radio.Group label={item.text} description={item.hint} value={typeof value === 'string' ? value : ''} onChange={onChange} styles={labelStyles}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {item.options.map((o) => {
          const checked = value === o.id;
          return (
            <Radio.Card key={o.id} value={o.id} disabled={disabled} p="lg" bg={checked ? 'bilet.7' : undefined} c={checked ? 'white' : undefined} style={{ minHeight: 96 }}>
              <Group wrap="nowrap" gap="sm" h="100%">
                <Radio.Indicator color={checked ? 'white' : undefined} iconColor={checked ? 'bilet.7' : undefined} />
                <Text fz="lg" fw={600}>
                  {o.text}
                </Text>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}

type Direction = 'up' | 'down';

const noWrap = { label: { whiteSpace: 'nowrap' as const } };

function validOrder(value: AnswerValue | undefined, ids: string[]): string[] | null {
  if (!Array.isArray(value) || value.length !== ids.length) return null;
  return ids.every((id) => value.includes(id)) ? value : null;
}

/**
 * An ordered list moved with «выше» and «ниже» buttons: no dragging, so a keyboard or a switch
 * does it as easily as a finger. The moved option keeps the focus, and its new place is announced.
 */
function Ranking({ item, value, onChange, disabled }: ViewProps<ItemOf<'ranking'>>) {
  const ids = item.options.map((o) => o.id);
  const saved = validOrder(value, ids);
  const order = saved ?? ids;
  const textOf = new Map(item.options.map((o) => [o.id, o.text]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [moved, setMoved] = useState<{ id: string; direction: Direction } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const labelId = `ranking-${item.id}`;
  const latest = useRef(order);
  latest.current = order;

  // Once per move: the button pressed follows its option, or its twin when the option reached an end.
  useEffect(() => {
    if (!moved) return;
    const at = latest.current.indexOf(moved.id);
    const edge = moved.direction === 'up' ? at === 0 : at === latest.current.length - 1;
    const direction = edge ? (moved.direction === 'up' ? 'down' : 'up') : moved.direction;
    buttons.current.get(`${moved.id}:${direction}`)?.focus();
  }, [moved]);

  function move(id: string, direction: Direction) {
    const at = order.indexOf(id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    next[at] = next[to]!;
    next[to] = id;
    setMoved({ id, direction });
    setAnnouncement(`«${textOf.get(id)}» теперь на ${to + 1}-м месте из ${order.length}`);
    onChange(next);
  }

  const register = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fz="lg" fw={600}>
        {item.text}
      </Text>
      <Text fz="sm" c="dimmed">
        {[item.hint, 'Расставь варианты по порядку: первым — самый подходящий. Двигай их кнопками «выше» и «ниже».'].filter(Boolean).join(' ')}
      </Text>
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {order.map((id, i) => {
          const text = textOf.get(id) ?? id;
          return (
            <Paper component="li" key={id} withBorder p="xs">
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 180px', minWidth: 0 }}>
                  <Text fw={700} w={24} ta="center" style={{ flexShrink: 0 }} aria-hidden>
                    {i + 1}
                  </Text>
                  <Text style={{ overflowWrap: 'break-word', minWidth: 0 }}>{text}</Text>
                </Group>
                <Group gap={4} wrap="nowrap" ml="auto">
                  <Button
                    ref={register(`${id}:up`)}
                    size="xs"
                    variant="light"
                    styles={noWrap}
                    disabled={disabled || i === 0}
                    aria-label={`выше: ${text}`}
                    onClick={() => move(id, 'up')}
                  >
                    ↑ выше
                  </Button>
                  <Button
                    ref={register(`${id}:down`)}
                    size="xs"
                    variant="light"
                    styles={noWrap}
                    disabled={disabled || i === order.length - 1}
                    aria-label={`ниже: ${text}`}
                    onClick={() => move(id, 'down')}
                  >
                    ↓ ниже
                  </Button>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {!saved && (
        <Box>
          <Button variant="outline" size="sm" disabled={disabled} onClick={() => onChange(order)}>
            Оставить такой порядок
          </Button>
        </Box>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}

function rangeText(item: ItemOf<'numeric'>): string {
  const unit = item.unit ? ` (${item.unit})` : '';
  return `от ${item.min} до ${item.max}${unit}${item.integer === false ? '' : ', целое число'}`;
}

/** The answer goes out only once it is a number the item accepts; anything else stays in the field with a note. */
function Numeric({ item, value, onChange, disabled }: ViewProps<ItemOf<'numeric'>>) {
  const [text, setText] = useState<string | number>(typeof value === 'number' ? value : '');
  const integer = item.integer !== false;
  const number = typeof text === 'number' ? text : text.trim() === '' ? null : Number(text.replace(',', '.'));
  const invalid = number !== null && (!Number.isFinite(number) || number < item.min || number > item.max || (integer && !Number.isInteger(number)));

  return (
    <NumberInput
      label={item.text}
      description={[item.hint, `Ответ — ${rangeText(item)}.`].filter(Boolean).join(' ')}
      value={text}
      onChange={(v) => {
        setText(v);
        const n = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v.replace(',', '.'));
        if (Number.isFinite(n) && n >= item.min && n <= item.max && (!integer || Number.isInteger(n))) onChange(n);
      }}
      min={item.min}
      max={item.max}
      allowDecimal={!integer}
      decimalSeparator=","
      clampBehavior="none"
      suffix={item.unit ? ` ${item.unit}` : undefined}
      disabled={disabled}
      error={invalid ? `Нужно число ${rangeText(item)}` : undefined}
      styles={labelStyles}
      maw={360}
    />
  );
}

/**
 * One item of a test, of any of the six types, as the pupil answers it (and as a methodologist
 * previews it). Plain text only: item texts never carry markup. `onChange` gets an answer the
 * item accepts; the caller saves it.
 */
export function ItemView({ item, value, onChange, disabled }: { item: DefinitionItem; value: AnswerValue | undefined; onChange: (value: AnswerValue) => void; disabled?: boolean }) {
  switch (item.type) {
    case 'single':
      return <Single item={item} value={value} onChange={onChange} disabled={disabled} />;
    case 'multiple':
      return <Multiple item={item} value={value} onChange={onChange} disabled={disabled} />;
    case 'likert':
      return <Likert item={item} value={value} onChange={onChange} disabled={disabled} />;
    case 'forced':
      return <Forced item={item} value={value} onChange={onChange} disabled={disabled} />;
    case 'ranking':
      return <Ranking item={item} value={value} onChange={onChange} disabled={disabled} />;
    case 'numeric':
      return <Numeric key={item.id} item={item} value={value} onChange={onChange} disabled={disabled} />;
  }
}

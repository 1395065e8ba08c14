import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { DefinitionItem } from '@common/diagnostics/definition.js';
import { theme } from '@web/app/theme';
import { ItemView } from './item-view';

/** The item as the runner holds it: the last answer given is shown back. */
function Harness({ item, initial, onChange }: { item: DefinitionItem; initial?: AnswerValue; onChange: (v: AnswerValue) => void }) {
  const [value, setValue] = useState<AnswerValue | undefined>(initial);
  return (
    <ItemView
      item={item}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

function show(item: DefinitionItem, initial?: AnswerValue) {
  const onChange = vi.fn();
  render(
    <MantineProvider theme={theme} env="test">
      <Harness item={item} initial={initial} onChange={onChange} />
    </MantineProvider>,
  );
  return onChange;
}

const options = [
  { id: 'a', text: 'Рисовать' },
  { id: 'b', text: 'Считать' },
  { id: 'c', text: 'Строить' },
];

describe('ItemView', () => {
  it('single: a radio group named by the question', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q1', type: 'single', text: 'Что тебе нравится больше?', options });

    const group = screen.getByRole('radiogroup', { name: 'Что тебе нравится больше?' });
    await user.click(within(group).getByRole('radio', { name: 'Считать' }));
    expect(onChange).toHaveBeenLastCalledWith('b');
    expect(within(group).getByRole('radio', { name: 'Считать' })).toBeChecked();
  });

  it('multiple: checkboxes that stop at the allowed number of choices', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q2', type: 'multiple', text: 'Что ты пробовал?', options, maxChoices: 2 });

    const group = screen.getByRole('group', { name: 'Что ты пробовал?' });
    expect(screen.getByText(/Можно выбрать не больше 2 вариантов/)).toBeInTheDocument();
    await user.click(within(group).getByRole('checkbox', { name: 'Рисовать' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Строить' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c']);
    expect(within(group).getByRole('checkbox', { name: 'Считать' })).toBeDisabled();
  });

  it('likert: every point named in words, arrow keys move along the row', async () => {
    const user = userEvent.setup();
    const labels = ['Совсем не про меня', 'Скорее не про меня', 'Скорее про меня', 'Точно про меня'];
    const onChange = show({ id: 'q3', type: 'likert', text: 'Я люблю придумывать новое.', points: 4, labels });

    const group = screen.getByRole('radiogroup', { name: 'Я люблю придумывать новое.' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    await user.click(within(group).getByRole('radio', { name: '3 — Скорее про меня' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    expect(within(group).getByRole('radio', { name: '3 — Скорее про меня' })).toHaveAttribute('aria-checked', 'true');

    await user.keyboard('{ArrowRight}');
    expect(onChange).toHaveBeenLastCalledWith(4);
    expect(within(group).getByRole('radio', { name: '4 — Точно про меня' })).toHaveFocus();
  });

  it('likert without words names the points by number', () => {
    show({ id: 'q3b', type: 'likert', text: 'Насколько тебе интересно?', points: 5 });
    expect(screen.getByRole('radio', { name: '1 из 5' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '5 из 5' })).toBeInTheDocument();
  });

  it('forced: two big choices', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q4', type: 'forced', text: 'Что тебе ближе?', options: options.slice(0, 2) });

    const group = screen.getByRole('radiogroup', { name: 'Что тебе ближе?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    await user.click(within(group).getByRole('radio', { name: /Считать/ }));
    expect(onChange).toHaveBeenLastCalledWith('b');
  });

  it('ranking: «выше» and «ниже» reorder the list, and the moved option keeps the focus', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q5', type: 'ranking', text: 'Расставь по тому, как тебе интересно', options });

    const group = screen.getByRole('group', { name: 'Расставь по тому, как тебе интересно' });
    await user.click(within(group).getByRole('button', { name: 'выше: Строить' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c', 'b']);
    expect(within(group).getByRole('button', { name: 'выше: Строить' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('«Строить» теперь на 2-м месте из 3');

    // The keyboard alone does the rest: Enter on the focused button moves it to the top.
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['c', 'a', 'b']);
    const items = within(group).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Строить');
    expect(within(group).getByRole('button', { name: 'выше: Строить' })).toBeDisabled();
    expect(within(group).getByRole('button', { name: 'ниже: Строить' })).toHaveFocus();
  });

  it('ranking: the order as offered can be kept as it is', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q6', type: 'ranking', text: 'Порядок', options });
    await user.click(screen.getByRole('button', { name: 'Оставить такой порядок' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'b', 'c']);
    expect(screen.queryByRole('button', { name: 'Оставить такой порядок' })).not.toBeInTheDocument();
  });

  it('numeric: only numbers in range are given as answers', async () => {
    const user = userEvent.setup();
    const onChange = show({ id: 'q7', type: 'numeric', text: 'Сколько лет учатся в вузе?', min: 1, max: 12, integer: true, unit: 'лет' });

    const input = screen.getByRole('textbox', { name: 'Сколько лет учатся в вузе?' });
    expect(screen.getByText(/от 1 до 12 \(лет\)/)).toBeInTheDocument();
    await user.type(input, '20');
    expect(onChange).toHaveBeenLastCalledWith(2);
    expect(screen.getByText('Нужно число от 1 до 12 (лет), целое число')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '6');
    expect(onChange).toHaveBeenLastCalledWith(6);
  });
});

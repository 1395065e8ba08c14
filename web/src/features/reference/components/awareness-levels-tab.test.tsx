import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { AwarenessLevel } from '../api/reference-api';
import { AwarenessLevelsTab } from './awareness-levels-tab';

afterEach(() => vi.unstubAllGlobals());

const saved = (id: number, code: string, name: string, minScore: number, maxScore: number): AwarenessLevel => ({
  id,
  code,
  name,
  minScore,
  maxScore,
  pupilText: `Школьнику: ${name}`,
  parentText: `Родителю: ${name}`,
});

const LEVELS = [saved(1, 'exploring', 'Знакомство', 0, 39), saved(2, 'forming', 'Осознанный интерес', 40, 69), saved(3, 'oriented', 'Уверенный ориентир', 70, 100)];
const list = { 'GET /api/reference/awareness-levels': { body: { levels: LEVELS } } };

/** Pasting rather than typing key by key: each keystroke reruns the whole list's check, which is slow in jsdom. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

const level = (n: number) => screen.getByRole('group', { name: new RegExp(`^Уровень ${n}`) });

describe('awareness levels', () => {
  it('finds a gap in the browser, says where, and sends nothing', async () => {
    const fetchMock = mockApi(list);
    const user = userEvent.setup();
    renderPage(<AwarenessLevelsTab />, { path: '/' });

    const from = within(await screen.findByRole('group', { name: 'Уровень 2 «Осознанный интерес»' })).getByLabelText('От, баллов');
    await fill(user, from, '45');
    await user.click(screen.getByRole('button', { name: 'Сохранить уровни' }));

    expect(await within(level(2)).findByText('Разрыв: баллы 40–44 не попадают ни в один уровень. Начните этот уровень с 40')).toBeInTheDocument();
    await waitFor(() => expect(from).toHaveFocus());
    expect(callsTo(fetchMock, 'PUT /api/reference/awareness-levels')).toHaveLength(0);
  });

  it('sends the whole list with a new level, and shows a server refusal at its field', async () => {
    const fetchMock = mockApi({
      ...list,
      'PUT /api/reference/awareness-levels': {
        status: 400,
        body: { error: { code: 'invalid_input', message: 'Проверьте введённые данные', fields: { 'levels.3.code': 'Такой код уже есть в списке' } } },
      },
    });
    const user = userEvent.setup();
    renderPage(<AwarenessLevelsTab />, { path: '/' });

    await screen.findByRole('group', { name: 'Уровень 3 «Уверенный ориентир»' });
    expect(within(level(1)).getByLabelText('Код')).toHaveAttribute('readonly');
    await fill(user, within(level(3)).getByLabelText(/До, баллов/), '89');
    await user.click(screen.getByRole('button', { name: 'Добавить уровень' }));
    const added = level(4);
    await fill(user, within(added).getByLabelText('Название'), 'Готов к выбору');
    await fill(user, within(added).getByLabelText('Код'), 'ready');
    await fill(user, within(added).getByLabelText('От, баллов'), '90');
    await fill(user, within(added).getByLabelText(/До, баллов/), '100');
    await fill(user, within(added).getByLabelText('Текст для школьника'), 'Ты готов.');
    await fill(user, within(added).getByLabelText('Текст для родителя'), 'Ребёнок готов.');
    await user.click(screen.getByRole('button', { name: 'Сохранить уровни' }));

    await waitFor(() => expect(callsTo(fetchMock, 'PUT /api/reference/awareness-levels')).toHaveLength(1));
    const [body] = callsTo(fetchMock, 'PUT /api/reference/awareness-levels') as Array<{ levels: unknown[] }>;
    expect(body!.levels).toEqual([
      { id: 1, code: 'exploring', name: 'Знакомство', minScore: 0, maxScore: 39, pupilText: 'Школьнику: Знакомство', parentText: 'Родителю: Знакомство' },
      expect.objectContaining({ id: 2, code: 'forming', minScore: 40, maxScore: 69 }),
      expect.objectContaining({ id: 3, code: 'oriented', minScore: 70, maxScore: 89 }),
      { code: 'ready', name: 'Готов к выбору', minScore: 90, maxScore: 100, pupilText: 'Ты готов.', parentText: 'Ребёнок готов.' },
    ]);
    const code = within(level(4)).getByLabelText('Код');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Такой код уже есть в списке'));
    // Filling a whole new level re-renders four fieldsets a dozen times: slower in jsdom than the default 5 s allow.
  }, 20_000);

  it('does not let the list shrink below three levels', async () => {
    mockApi(list);
    renderPage(<AwarenessLevelsTab />, { path: '/' });
    await screen.findByRole('group', { name: 'Уровень 1 «Знакомство»' });
    expect(screen.queryByRole('button', { name: /^Удалить уровень/ })).not.toBeInTheDocument();
  });
});

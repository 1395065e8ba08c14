import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { Attempt } from '../api/diagnostics-api';
import { AttemptPage } from './attempt-page';

afterEach(() => vi.unstubAllGlobals());

// The games are tested on their own; here a stand-in ends the game at once.
vi.mock('../games/game-player', () => ({
  GamePlayer: ({ onFinish, busy }: { onFinish: (events: unknown) => void; busy?: boolean }) => (
    <button type="button" disabled={busy} onClick={() => onFinish({ clicks: [] })}>
      Закончить игру
    </button>
  ),
}));

const likertLabels = ['Совсем не про меня', 'Скорее не про меня', 'Скорее про меня', 'Точно про меня'];

function attempt(answers: Attempt['answers']): Attempt {
  return {
    id: 'a1',
    status: 'in_progress',
    startedAt: '2025-03-01T10:00:00.000Z',
    test: {
      slug: 'creativity',
      kind: 'test',
      title: 'Креативность',
      summary: 'Как ты придумываешь новое',
      description: 'Этот тест о том, как ты придумываешь новое.',
      instructions: 'Отвечай так, как есть на самом деле.',
      durationMinutes: 10,
      gameType: null,
      items: [
        { id: 'q1', type: 'single', text: 'Что тебе интереснее?', options: [{ id: 'a', text: 'Рисовать' }, { id: 'b', text: 'Считать' }] },
        { id: 'q2', type: 'likert', text: 'Я люблю придумывать новое.', points: 4, labels: likertLabels },
        { id: 'q3', type: 'forced', text: 'Что тебе ближе?', options: [{ id: 'a', text: 'По инструкции' }, { id: 'b', text: 'По-своему' }] },
      ],
    },
    answers,
    stimulus: null,
  };
}

const url = '/participant/diagnostics/attempts/a1';
const path = '/participant/diagnostics/attempts/:attemptId';

describe('test runner', () => {
  it('opens at the first unanswered item, saves each answer at once and finishes with the result', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/attempts/a1': { body: attempt({ q1: 'b' }) },
      'PUT /api/diagnostics/attempts/a1/answers/q2': { body: { saved: true } },
      'PUT /api/diagnostics/attempts/a1/answers/q3': { body: { saved: true } },
      'POST /api/diagnostics/attempts/a1/complete': { body: { attemptId: 'a1', completedAt: '2025-03-01T10:10:00.000Z' } },
    });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url });

    expect(await screen.findByRole('heading', { name: 'Вопрос 2 из 3' })).toBeInTheDocument();
    expect(screen.getByText('Отвечено: 1 из 3')).toBeInTheDocument();

    // «Далее» waits for an answer.
    await user.click(screen.getByRole('button', { name: 'Далее' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Сначала ответь на этот вопрос');

    await user.click(screen.getByRole('radio', { name: '3 — Скорее про меня' }));
    expect(await screen.findByText('Сохранено')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PUT /api/diagnostics/attempts/a1/answers/q2')).toEqual([{ value: 3 }]);

    // Back shows the answer given before the reload.
    await user.click(screen.getByRole('button', { name: 'Назад' }));
    expect(screen.getByRole('heading', { name: 'Вопрос 1 из 3' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Считать' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Далее' }));
    await user.click(screen.getByRole('button', { name: 'Далее' }));

    expect(screen.getByRole('heading', { name: 'Вопрос 3 из 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /По-своему/ }));
    expect(await screen.findByText('Сохранено')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PUT /api/diagnostics/attempts/a1/answers/q3')).toEqual([{ value: 'b' }]);

    await user.click(screen.getByRole('button', { name: 'Завершить' }));
    // The page moves once the request answers: wait for the move, not just for the probe.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/participant/diagnostics/results/a1'));
    expect(callsTo(fetchMock, 'POST /api/diagnostics/attempts/a1/complete')).toHaveLength(1);
  });

  it('says when an answer was not saved and sends it again on «Повторить»', async () => {
    let failures = 1;
    const fetchMock = mockApi({
      'GET /api/diagnostics/attempts/a1': { body: attempt({ q1: 'a', q2: 1 }) },
      'PUT /api/diagnostics/attempts/a1/answers/q3': () =>
        failures-- > 0
          ? { status: 409, body: { error: { code: 'attempt_finished', message: 'Тест уже завершён: ответы больше не меняются' } } }
          : { body: { saved: true } },
    });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url });

    await user.click(await screen.findByRole('radio', { name: /По инструкции/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ответ не сохранился');
    expect(alert).toHaveTextContent('Тест уже завершён: ответы больше не меняются');

    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Сохранено')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PUT /api/diagnostics/attempts/a1/answers/q3')).toEqual([{ value: 'a' }, { value: 'a' }]);
  });

  it('starts a fresh attempt with the test description and instructions', async () => {
    mockApi({ 'GET /api/diagnostics/attempts/a1': { body: attempt({}) } });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Креативность' })).toBeInTheDocument();
    expect(screen.getByText('Отвечай так, как есть на самом деле.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    expect(screen.getByRole('heading', { name: 'Вопрос 1 из 3' })).toHaveFocus();
    expect(screen.getByRole('radiogroup', { name: 'Что тебе интереснее?' })).toBeInTheDocument();
  });

  it('shows the server refusal to finish', async () => {
    mockApi({
      'GET /api/diagnostics/attempts/a1': { body: attempt({ q1: 'a', q2: 2, q3: 'a' }) },
      'POST /api/diagnostics/attempts/a1/complete': {
        status: 400,
        body: { error: { code: 'answers_missing', message: 'Осталось ответить на 1 вопрос' } },
      },
    });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url });

    await user.click(await screen.findByRole('button', { name: 'Завершить' }));
    expect(await screen.findByText('Осталось ответить на 1 вопрос')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(url);
  });
});

describe('game runner', () => {
  const game: Attempt = {
    ...attempt({}),
    id: 'g1',
    test: { ...attempt({}).test, slug: 'schulte', kind: 'game', title: 'Таблицы Шульте', gameType: 'schulte', items: [] },
    stimulus: { size: 5, tables: [] },
  };

  it('sends the events and opens the result', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/attempts/g1': { body: game },
      'POST /api/diagnostics/attempts/g1/game': { body: { attemptId: 'g1', completedAt: '2025-03-01T10:10:00.000Z' } },
    });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url: '/participant/diagnostics/attempts/g1' });

    await user.click(await screen.findByRole('button', { name: 'Закончить игру' }));
    // The page moves once the request answers: wait for the move, not just for the probe.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/participant/diagnostics/results/g1'));
    expect(callsTo(fetchMock, 'POST /api/diagnostics/attempts/g1/game')).toEqual([{ events: { clicks: [] } }]);
  });

  it('shows why implausible play was not counted and lets the pupil play again', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/attempts/g1': { body: game },
      'POST /api/diagnostics/attempts/g1/game': {
        status: 422,
        body: { error: { code: 'implausible_game', message: 'Нажатия слишком быстрые для человека. Сыграй ещё раз' } },
      },
      'POST /api/diagnostics/tests/schulte/attempts': { body: { attemptId: 'g1', resumed: true } },
    });
    const user = userEvent.setup();
    renderPage(<AttemptPage />, { path, url: '/participant/diagnostics/attempts/g1' });

    await user.click(await screen.findByRole('button', { name: 'Закончить игру' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Результат не засчитан');
    expect(alert).toHaveTextContent('Нажатия слишком быстрые для человека. Сыграй ещё раз');

    await user.click(within(alert).getByRole('button', { name: 'Сыграть ещё раз' }));
    expect(await screen.findByRole('button', { name: 'Закончить игру' })).toBeEnabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/diagnostics/tests/schulte/attempts')).toHaveLength(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/participant/diagnostics/attempts/g1');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { lineRange } from '../source-lines';
import { WorkbenchNewTestPage, WorkbenchTestPage } from './test-page';

afterEach(() => vi.unstubAllGlobals());

// The autosizing textarea listens for web fonts loading; jsdom has no document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });
}

const source = Array.from({ length: 20 }, (_, i) => `line${i + 1}: value`).join('\n');

const definition = {
  format: 1,
  slug: 'interests-6-7',
  kind: 'test',
  title: 'Мои интересы',
  summary: 'Что тебе интересно',
  description: 'Короткий тест',
  gradeBands: ['6-7'],
  durationMinutes: 10,
  retakeAfterDays: 30,
  source: 'Авторский',
  licence: 'CC BY',
  nextTests: [],
  items: [
    { id: 'q1', type: 'single', text: 'Что ты выберешь?', options: [{ id: 'a', text: 'Собрать робота' }, { id: 'b', text: 'Нарисовать комикс' }] },
    { id: 'q2', type: 'likert', text: 'Мне нравится чинить вещи', points: 5 },
  ],
  scales: [],
};

const card = {
  id: 7,
  slug: 'interests-6-7',
  kind: 'test',
  status: 'published',
  versions: [
    { id: 12, version: 2, status: 'draft', itemCount: 2, createdAt: '2025-03-02T10:00:00Z', publishedAt: null, fromCatalogue: false, completedAttempts: 0 },
    { id: 11, version: 1, status: 'published', itemCount: 2, createdAt: '2025-02-01T10:00:00Z', publishedAt: '2025-02-01T11:00:00Z', fromCatalogue: true, completedAttempts: 41 },
  ],
  latest: { id: 12, version: 2, status: 'draft', source, definition },
};

const invalid = {
  status: 422,
  body: {
    error: {
      code: 'definition_invalid',
      message: 'В определении ошибок: 2. Исправьте их и проверьте снова',
      details: {
        errors: [
          { line: 12, column: 9, field: 'scales.0.keys.1.item', message: 'Задания «q9» в тесте нет' },
          { line: null, column: null, field: '', message: 'Ссылки и якоря YAML (& и *) в определениях не используются' },
        ],
      },
    },
  },
};

describe('definition editor', () => {
  it('shows the server’s errors with their lines and moves the cursor to the line of the one clicked', async () => {
    const fetchMock = mockApi({ 'POST /api/diagnostics/definitions/validate': invalid });
    const user = userEvent.setup();
    renderPage(<WorkbenchNewTestPage />, { path: '/staff/diagnostics/new' });

    const textarea = screen.getByLabelText<HTMLTextAreaElement>('Определение (YAML или JSON)');
    await user.click(textarea);
    await user.paste(source);
    await user.click(screen.getByRole('button', { name: 'Проверить' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('В определении ошибок: 2. Исправьте их и проверьте снова')).toBeInTheDocument();
    expect(within(alert).getByText('Ссылки и якоря YAML (& и *) в определениях не используются')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/diagnostics/definitions/validate')).toEqual([{ source }]);

    await user.click(within(alert).getByRole('button', { name: 'Строка 12, поле scales.0.keys.1.item: Задания «q9» в тесте нет' }));
    expect(textarea).toHaveFocus();
    const line12 = lineRange(source, 12);
    expect(textarea.selectionStart).toBe(line12.start);
    expect(textarea.selectionEnd).toBe(line12.end);
    expect(source.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('line12: value');
    expect(screen.getByText('Курсор: строка 12 из 20')).toBeInTheDocument();
  });

  it('says there are no errors, and saving a new test opens its page', async () => {
    const fetchMock = mockApi({
      'POST /api/diagnostics/definitions/validate': { body: { definition } },
      'POST /api/diagnostics/definitions': { status: 201, body: { testId: 7, versionId: 12, version: 1, slug: 'interests-6-7' } },
    });
    const user = userEvent.setup();
    renderPage(<WorkbenchNewTestPage />, { path: '/staff/diagnostics/new' });

    await user.click(screen.getByLabelText('Определение (YAML или JSON)'));
    await user.paste(source);
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByText('Ошибок нет')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Сохранить черновик' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff/diagnostics/7'));
    expect(callsTo(fetchMock, 'POST /api/diagnostics/definitions')).toEqual([{ source }]);
  });

  it('shows the checked test item by item as a pupil would see it', async () => {
    mockApi({ 'POST /api/diagnostics/definitions/validate': { body: { definition } } });
    const user = userEvent.setup();
    renderPage(<WorkbenchNewTestPage />, { path: '/staff/diagnostics/new' });

    await user.click(screen.getByLabelText('Определение (YAML или JSON)'));
    await user.paste(source);
    await user.click(screen.getByRole('button', { name: 'Предпросмотр' }));

    const dialog = await screen.findByRole('dialog', { name: 'Предпросмотр: Мои интересы' });
    await user.click(within(dialog).getByRole('button', { name: 'Начать' }));
    expect(within(dialog).getByText('Задание 1 из 2')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Собрать робота' }));
    await user.click(within(dialog).getByRole('button', { name: 'Далее' }));
    expect(within(dialog).getByText('Мне нравится чинить вещи')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Назад' }));
    expect(within(dialog).getByRole('radio', { name: 'Собрать робота' })).toBeChecked();
  });

  it('refuses a file that is not YAML or JSON and reads one that is into the editor', async () => {
    mockApi({});
    const user = userEvent.setup({ applyAccept: false });
    const { container } = renderPage(<WorkbenchNewTestPage />, { path: '/staff/diagnostics/new' });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;

    await user.upload(input, new File(['x'], 'test.docx'));
    expect(await screen.findByText('Подойдёт файл .yaml, .yml или .json')).toBeInTheDocument();

    await user.upload(input, new File(['slug: from-file'], 'test.yaml'));
    await waitFor(() => expect(screen.getByLabelText('Определение (YAML или JSON)')).toHaveValue('slug: from-file'));
    expect(screen.getByText('Файл «test.yaml» загружен в редактор. Проверьте его перед сохранением.')).toBeInTheDocument();
  });
});

describe('test page', () => {
  it('asks before publishing the draft and says attempts keep their version', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/definitions/7': { body: card },
      'POST /api/diagnostics/definitions/7/versions/12/publish': { body: { testId: 7, versionId: 12, version: 2 } },
    });
    const user = userEvent.setup();
    renderPage(<WorkbenchTestPage />, { path: '/staff/diagnostics/:testId', url: '/staff/diagnostics/7' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Мои интересы' })).toBeInTheDocument();
    expect(screen.getByLabelText('Определение (YAML или JSON)')).toHaveValue(source);
    const versions = screen.getByRole('table', { name: 'Версии' });
    await user.click(within(versions).getByRole('button', { name: 'Опубликовать' }));

    let dialog = await screen.findByRole('dialog', { name: 'Опубликовать версию 2?' });
    expect(within(dialog).getByText(/уже начаты или завершены, сохраняют свою версию/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(fetchMock, 'POST /api/diagnostics/definitions/7/versions/12/publish')).toEqual([]);

    await user.click(within(versions).getByRole('button', { name: 'Опубликовать' }));
    dialog = await screen.findByRole('dialog', { name: 'Опубликовать версию 2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Да, опубликовать' }));
    expect(await screen.findByText('Версия 2 опубликована: новые прохождения пойдут по ней.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/diagnostics/definitions/7/versions/12/publish')).toEqual([undefined]);
  });

  it('retires a published test after a question', async () => {
    const fetchMock = mockApi({
      'GET /api/diagnostics/definitions/7': { body: card },
      'POST /api/diagnostics/definitions/7/retire': { body: { testId: 7, status: 'retired' } },
    });
    const user = userEvent.setup();
    renderPage(<WorkbenchTestPage />, { path: '/staff/diagnostics/:testId', url: '/staff/diagnostics/7' });

    await user.click(await screen.findByRole('button', { name: 'Снять с публикации' }));
    const dialog = await screen.findByRole('dialog', { name: 'Снять тест с публикации?' });
    await user.click(within(dialog).getByRole('button', { name: 'Да, снять' }));
    expect(await screen.findByText('Тест снят с публикации: в каталоге учеников его больше нет.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/diagnostics/definitions/7/retire')).toHaveLength(1);
  });
});

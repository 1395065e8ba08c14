import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportBatchView } from '@common/schemas/participants.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { ImportPage } from './import-page';

afterEach(() => vi.unstubAllGlobals());

const id = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

const preview: ImportBatchView = {
  id,
  fileName: '7А класс.xlsx',
  status: 'preview',
  totalRows: 4,
  validRows: 3,
  processedRows: 0,
  created: 2,
  matched: 0,
  skipped: 1,
  failed: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  finishedAt: null,
  duplicatesInFile: 0,
  alreadyRegistered: 1,
  errors: [
    { row: 3, field: 'birthDate', message: 'Такой даты нет в календаре' },
    { row: 3, field: 'snils', message: 'Контрольное число СНИЛС не сходится — проверьте цифры' },
  ],
  errorCount: 2,
  outcomes: [{ row: 5, outcome: 'already_registered', message: 'Уже зарегистрирован в вашей школе — пропущен' }],
  outcomeCount: 1,
  sameFileImportedAt: null,
};

const session = {
  'GET /api/auth/session': {
    body: {
      account: { id: 's1', role: 'school', status: 'active', firstName: 'Ольга', lastName: 'Петрова', emailVerified: true, gate: null, regionId: 43, schoolId: 'sch1', venueId: null },
    },
  },
};

describe('import page', () => {
  it('previews the file with every faulty cell, then confirms and follows the progress to the result', async () => {
    const states: ImportBatchView[] = [
      preview,
      { ...preview, status: 'running', processedRows: 2 },
      { ...preview, status: 'done', processedRows: 4, created: 2, skipped: 1, finishedAt: '2026-11-20T09:01:00.000Z' },
    ];
    let step = 0;
    const fetchMock = mockApi({
      ...session,
      [`GET /api/imports/${id}`]: () => ({ body: states[Math.min(step, states.length - 1)] }),
      [`POST /api/imports/${id}/confirm`]: () => {
        step = 1;
        return { status: 202, body: states[1] };
      },
    });
    const user = userEvent.setup();
    renderPage(<ImportPage />, { path: '/staff/imports/:id', url: `/staff/imports/${id}` });

    expect(await screen.findByText('«7А класс.xlsx»: 4 строки с учениками. Пока ничего не записано.')).toBeInTheDocument();
    expect(screen.getByText('Будут зарегистрированы: 2')).toBeInTheDocument();
    expect(screen.getByText('Уже зарегистрированы в вашей школе, будут пропущены: 1')).toBeInTheDocument();
    const errors = screen.getByRole('table', { name: 'Ошибки в строках файла' });
    const rows = within(errors).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['3', 'Дата рождения', 'Такой даты нет в календаре'],
      ['3', 'СНИЛС', 'Контрольное число СНИЛС не сходится — проверьте цифры'],
    ]);
    expect(screen.getAllByRole('link', { name: 'XLSX' })[0]).toHaveAttribute('href', `/api/imports/${id}/report?format=xlsx`);
    expect(screen.getByRole('table', { name: 'Строки, которые не создадут новых учеников' })).toHaveTextContent('Уже зарегистрирован в вашей школе — пропущен');

    await user.click(screen.getByRole('button', { name: 'Загрузить учеников: 2' }));
    expect(await screen.findByText('Обработано 2 из 4 строк (50 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Загрузка учеников' })).toHaveAttribute('aria-valuenow', '50');
    expect(callsTo(fetchMock, `POST /api/imports/${id}/confirm`)).toHaveLength(1);

    step = 2;
    expect(await screen.findByText('Импорт завершён', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('Зарегистрировано новых учеников: 2 — им отправлены письма со ссылкой для входа')).toBeInTheDocument();
    expect(screen.getByText('Пропущено (уже в школе или повтор в файле): 1')).toBeInTheDocument();
  });

  it('cancels a preview and goes back to the upload', async () => {
    const fetchMock = mockApi({ ...session, [`GET /api/imports/${id}`]: { body: preview }, [`DELETE /api/imports/${id}`]: { body: { ok: true } } });
    const user = userEvent.setup();
    renderPage(<ImportPage />, { path: '/staff/imports/:id', url: `/staff/imports/${id}` });

    await user.click(await screen.findByRole('button', { name: 'Отменить и выбрать другой файл' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff/imports'));
    expect(screen.getByTestId('location').textContent).toBe('/staff/imports');
    expect(callsTo(fetchMock, `DELETE /api/imports/${id}`)).toHaveLength(1);
  });

  it('offers nothing to confirm when no row would create or attach a pupil', async () => {
    mockApi({ ...session, [`GET /api/imports/${id}`]: { body: { ...preview, created: 0, sameFileImportedAt: '2026-11-19T12:00:00.000Z' } } });
    renderPage(<ImportPage />, { path: '/staff/imports/:id', url: `/staff/imports/${id}` });

    expect(await screen.findByRole('button', { name: 'Загружать нечего' })).toBeDisabled();
    expect(screen.getByText(/Этот файл уже загружали/)).toBeInTheDocument();
  });
});

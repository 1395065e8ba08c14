import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PupilCorrections } from '@common/schemas/corrections.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { CorrectionRequest } from './correction-request';

afterEach(() => vi.unstubAllGlobals());

const data: PupilCorrections = {
  current: { lastName: 'Иванов', firstName: 'Артём', birthDate: '2013-04-17', school: { id: 's1', name: 'Школа № 14' }, regionId: 43, cityId: 7 },
  items: [
    {
      id: 'c1',
      status: 'refused',
      pupil: { id: 'p1', name: 'Иванов Артём', grade: 7 },
      requestedBy: { name: 'Артём Иванов', role: 'participant' },
      current: { lastName: 'Иванов', firstName: 'Артём', birthDate: '2013-04-17', school: { id: 's1', name: 'Школа № 14' } },
      requested: { firstName: 'Артемий' },
      comment: null,
      refusalReason: 'В документах — Артём',
      createdAt: '2026-11-01T09:00:00Z',
      decidedAt: '2026-11-02T09:00:00Z',
    },
  ],
};

describe('asking the school to correct a pupil’s data', () => {
  it('shows the school’s answers and sends only what was changed', async () => {
    const fetchMock = mockApi({
      'GET /api/pupils/p1/corrections': { body: data },
      'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
      'GET /api/regions/43/schools?cityId=7': { body: { schools: [{ id: 's1', name: 'Школа № 14', cityId: 7 }] } },
      'POST /api/pupils/p1/corrections': { status: 201, body: { id: 'c2', status: 'pending' } },
    });
    const user = userEvent.setup();
    renderPage(<CorrectionRequest pupilId="p1" viewer="pupil" />, { path: '/participant' });

    expect(await screen.findByText('Причина отказа: В документах — Артём')).toBeInTheDocument();
    expect(screen.getByText('Имя: Артемий')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Попросить исправить данные' }));
    const dialog = await screen.findByRole('dialog', { name: 'Исправление данных' });
    const surname = within(dialog).getByLabelText('Фамилия');
    await user.clear(surname);
    await user.type(surname, 'Иванова');
    await user.click(within(dialog).getByRole('button', { name: 'Отправить в школу' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/pupils/p1/corrections')).toEqual([{ lastName: 'Иванова' }]));
  });
});

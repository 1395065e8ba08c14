import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CorrectionView } from '@common/schemas/corrections.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { CorrectionsPage } from './corrections-page';

afterEach(() => vi.unstubAllGlobals());

const ID = '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

const request: CorrectionView = {
  id: ID,
  status: 'pending',
  pupil: { id: 'p1', name: 'Иванов Артём Дмитриевич', grade: 7 },
  requestedBy: { name: 'Мария Иванова', role: 'parent' },
  current: { lastName: 'Иванов', firstName: 'Артём', birthDate: '2013-04-17', school: { id: 's1', name: 'Школа № 14' } },
  requested: { birthDate: '2013-04-18' },
  comment: 'В свидетельстве 18 апреля',
  refusalReason: null,
  createdAt: '2026-12-01T09:00:00Z',
  decidedAt: null,
};

describe('the school’s corrections queue', () => {
  it('shows what stands and what is asked, confirms one and refuses another only with a reason', async () => {
    const fetchMock = mockApi({
      'GET /api/staff/corrections?status=pending': { body: { items: [request] } },
      [`POST /api/staff/corrections/${ID}/confirm`]: { body: { ...request, status: 'confirmed' } },
      [`POST /api/staff/corrections/${ID}/refuse`]: (body) =>
        (body as { reason: string }).reason.length < 5
          ? { status: 400, body: { error: { code: 'invalid_input', message: 'Проверьте данные', fields: { reason: 'Причина — не короче 5 символов' } } } }
          : { body: { ...request, status: 'refused' } },
    });
    const user = userEvent.setup();
    renderPage(<CorrectionsPage />, { path: '/staff/corrections' });

    const card = await screen.findByRole('article', { name: 'Запрос: Иванов Артём Дмитриевич' });
    expect(within(card).getByText('Иванов Артём, 17 апреля 2013, Школа № 14')).toBeInTheDocument();
    expect(within(card).getByText('Дата рождения: 18 апреля 2013')).toBeInTheDocument();
    expect(within(card).getByText('В свидетельстве 18 апреля')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Отказать' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отказать в исправлении' });
    await user.type(within(dialog).getByLabelText(/Причина отказа/), 'нет');
    await user.click(within(dialog).getByRole('button', { name: 'Отказать' }));
    expect(await within(dialog).findByText('Причина — не короче 5 символов')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));

    await user.click(within(card).getByRole('button', { name: 'Подтвердить исправление' }));
    await waitFor(() => expect(callsTo(fetchMock, `POST /api/staff/corrections/${ID}/confirm`)).toHaveLength(1));
  });
});

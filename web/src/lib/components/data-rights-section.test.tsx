import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErasureState } from '@common/schemas/data-rights.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { DataRightsSection } from './data-rights-section';

afterEach(() => vi.unstubAllGlobals());

const CHILD_ID = '7d2f7a43-93b5-4c3c-9a0c-2b1f3c1a9e11';
const open: ErasureState = { pending: null, mayRequest: true, refusal: null };
const frozen: ErasureState = { pending: { requestedAt: '2026-12-06T10:00:00Z', dueAt: '2027-01-05T10:00:00Z', requestedByCaller: true }, mayRequest: false, refusal: null };

describe('data rights section', () => {
  it('links both archives of the child and asks for erasure only after the warning is acknowledged', async () => {
    const fetchMock = mockApi({
      [`GET /api/data-rights/erasure?subjectId=${CHILD_ID}`]: { body: open },
      'POST /api/data-rights/erasure': { status: 201, body: frozen },
      'POST /api/data-rights/erasure/cancel': { body: open },
    });
    const user = userEvent.setup();
    renderPage(<DataRightsSection subjectId={CHILD_ID} audience="parent" headingOrder={4} />, { path: '/parent' });

    expect(screen.getByRole('link', { name: 'Скачать данные ребёнка (JSON)' })).toHaveAttribute('href', `/api/data-rights/archive?format=json&subjectId=${CHILD_ID}`);
    expect(screen.getByRole('link', { name: 'Скачать данные ребёнка (PDF)' })).toHaveAttribute('href', `/api/data-rights/archive?format=pdf&subjectId=${CHILD_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Удалить учётную запись ребёнка' }));
    // The warning fades in: wait for it rather than catch it mid-transition.
    await waitFor(() => expect(screen.getByText(/Через 30 дней все данные ребёнка/)).toBeVisible());
    const confirm = screen.getByRole('button', { name: 'Запросить удаление' });
    expect(confirm).toBeDisabled();
    await user.click(screen.getByLabelText('Я понимаю, что данные будут удалены навсегда'));
    await user.click(confirm);

    expect(await screen.findByText('Учётная запись ребёнка заморожена')).toBeInTheDocument();
    expect(screen.getByText(/Все данные будут удалены 5 января 2027/)).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/data-rights/erasure')).toEqual([{ subjectId: CHILD_ID }]);

    await user.click(screen.getByRole('button', { name: 'Отменить удаление' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/data-rights/erasure/cancel')).toEqual([{ subjectId: CHILD_ID }]));
    expect(await screen.findByRole('button', { name: 'Удалить учётную запись ребёнка' })).toBeInTheDocument();
  });

  it('tells a younger pupil why it cannot erase its own account, and offers staff only the download', async () => {
    mockApi({ 'GET /api/data-rights/erasure': { body: { pending: null, mayRequest: false, refusal: 'До 14 лет удалить учётную запись может только родитель' } } });
    const { unmount } = renderPage(<DataRightsSection audience="pupil" headingOrder={3} />, { path: '/participant' });
    expect(await screen.findByText(/До 14 лет/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Скачать мои данные (JSON)' })).toHaveAttribute('href', '/api/data-rights/archive?format=json');
    unmount();

    const fetchMock = mockApi({});
    renderPage(<DataRightsSection audience="staff" headingOrder={2} />, { path: '/staff/profile' });
    expect(screen.getByRole('link', { name: 'Скачать мои данные (PDF)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Удалить/ })).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

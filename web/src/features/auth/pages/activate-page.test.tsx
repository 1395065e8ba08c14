import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { ActivatePage } from './activate-page';

afterEach(() => vi.unstubAllGlobals());

const token = 'a'.repeat(43);
const pendingPupil = {
  'GET /api/auth/session': {
    body: { account: { id: 'p1', role: 'participant', status: 'pending', firstName: 'Артём', lastName: 'Иванов', emailVerified: false } },
  },
};

describe('activation page', () => {
  it('spends the link exactly once, even under StrictMode', async () => {
    const fetchMock = mockApi({ ...pendingPupil, 'POST /api/auth/activate': { body: { ok: true } } });
    renderPage(<ActivatePage />, { path: '/activate', url: `/activate?token=${token}` });

    expect(await screen.findByRole('heading', { name: 'Почта подтверждена' })).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/auth/activate')).toEqual([{ token }]);
  });

  it('explains a used link and offers a fresh e-mail to the signed-in pupil', async () => {
    mockApi({
      ...pendingPupil,
      'POST /api/auth/activate': {
        status: 410,
        body: { error: { code: 'token_expired', message: 'Срок действия ссылки истёк. Войдите в кабинет — там можно отправить письмо ещё раз.' } },
      },
    });
    renderPage(<ActivatePage />, { path: '/activate', url: `/activate?token=${token}` });

    expect(await screen.findByText(/Срок действия ссылки истёк/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Отправить письмо ещё раз' })).toBeInTheDocument();
  });
});

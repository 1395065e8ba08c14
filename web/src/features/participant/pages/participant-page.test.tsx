import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingParticipationSteps, type ParticipationFacts } from '@common/participation.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { ParticipantCabinet } from '../api/participant-api';
import { ParticipantPage } from './participant-page';

afterEach(() => vi.unstubAllGlobals());

function cabinet(status: ParticipationFacts): ParticipantCabinet {
  return {
    account: {
      id: 'p1',
      email: 'pupil@example.ru',
      status: status.emailVerified ? 'active' : 'pending',
      lastName: 'Иванов',
      firstName: 'Артём',
      middleName: null,
      birthDate: '2012-04-17',
      phone: '+79001234567',
    },
    profile: {
      grade: 8,
      region: { id: 43, name: 'Кировская область' },
      city: { id: 7, name: 'Киров' },
      school: { id: null, name: 'Школа № 14' },
      snilsMasked: '***-***-*** 95',
      documentType: null,
      hasOvz: false,
    },
    parents: status.parentLinked ? [{ id: 'm1', name: 'Мария И.' }] : [],
    status,
    missing: missingParticipationSteps(status),
    unreadNotifications: 0,
  };
}

function serve(data: ParticipantCabinet) {
  return mockApi({
    'GET /api/participant/cabinet': { body: data },
    'GET /api/invitations': { body: { invitations: [] } },
    'GET /api/notifications': { body: { notifications: [] } },
    'GET /api/diagnostics/catalogue': { body: { gradeBand: '8-9', tests: [] } },
    'GET /api/data-rights/erasure': { body: { pending: null, mayRequest: true, refusal: null } },
    'POST /api/auth/activation/resend': { body: { ok: true } },
  });
}

describe('participant cabinet', () => {
  it('lists what is missing, each with who has to do it', async () => {
    const fetchMock = serve(cabinet({ emailVerified: false, parentLinked: false, consentGiven: false, tested: false }));
    const user = userEvent.setup();
    renderPage(<ParticipantPage />, { path: '/participant' });

    const checklist = (await screen.findByRole('heading', { name: 'Что осталось сделать' })).closest('section')!;
    const items = within(checklist).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent('Ты');
    expect(items[0]).toHaveTextContent('Подтверди адрес почты по ссылке из письма');
    expect(items[2]).toHaveTextContent('Родитель');
    expect(items[2]).toHaveTextContent('согласие на обработку персональных данных');
    expect(items[3]).toHaveTextContent('Пройди любой тест');

    // Inviting a parent needs a confirmed address, and the page says so before the server would.
    expect(screen.getByLabelText('Электронная почта')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Пригласить' })).toBeDisabled();

    await user.click(within(checklist).getByRole('button', { name: 'Отправить письмо ещё раз' }));
    expect(await screen.findByText(/Письмо отправлено/)).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/auth/activation/resend')).toHaveLength(1);
  });

  it('celebrates when nothing is missing', async () => {
    serve(cabinet({ emailVerified: true, parentLinked: true, consentGiven: true, tested: true }));
    renderPage(<ParticipantPage />, { path: '/participant' });

    expect(await screen.findByText('Всё готово!')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Что осталось сделать' })).not.toBeInTheDocument();
    expect(screen.getByText('Мария И.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Привет, Артём!');
  });

  it('shows the full SNILS only when asked', async () => {
    const data = cabinet({ emailVerified: true, parentLinked: true, consentGiven: true, tested: true });
    const fetchMock = mockApi({
      'GET /api/participant/cabinet': { body: data },
      'GET /api/invitations': { body: { invitations: [] } },
      'GET /api/notifications': { body: { notifications: [] } },
      'GET /api/diagnostics/catalogue': { body: { gradeBand: '8-9', tests: [] } },
      'GET /api/data-rights/erasure': { body: { pending: null, mayRequest: true, refusal: null } },
      'GET /api/participant/personal-data': { body: { snils: '112-233-445 95', document: null, hasOvz: false, ovzDetails: null } },
    });
    const user = userEvent.setup();
    renderPage(<ParticipantPage />, { path: '/participant' });

    expect(await screen.findByText('***-***-*** 95')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/participant/personal-data')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Показать данные' }));
    expect(await screen.findByText('112-233-445 95')).toBeInTheDocument();
  });

  it('fetches the pupil’s correction requests only when the pupil opens them', async () => {
    const data = cabinet({ emailVerified: true, parentLinked: true, consentGiven: true, tested: true });
    const fetchMock = mockApi({
      'GET /api/participant/cabinet': { body: data },
      'GET /api/invitations': { body: { invitations: [] } },
      'GET /api/notifications': { body: { notifications: [] } },
      'GET /api/diagnostics/catalogue': { body: { gradeBand: '8-9', tests: [] } },
      'GET /api/data-rights/erasure': { body: { pending: null, mayRequest: true, refusal: null } },
      'GET /api/pupils/p1/corrections': {
        body: { current: { lastName: 'Иванов', firstName: 'Артём', birthDate: '2012-04-17', school: null, regionId: 43, cityId: 7 }, items: [] },
      },
    });
    const user = userEvent.setup();
    renderPage(<ParticipantPage />, { path: '/participant' });

    const open = await screen.findByRole('button', { name: 'Исправить ошибку в анкете' });
    expect(callsTo(fetchMock, 'GET /api/pupils/p1/corrections')).toHaveLength(0);

    await user.click(open);
    const ask = await screen.findByRole('button', { name: 'Попросить исправить данные' });
    await waitFor(() => expect(ask).toBeEnabled());
    expect(callsTo(fetchMock, 'GET /api/pupils/p1/corrections').length).toBeGreaterThan(0);
  });
});

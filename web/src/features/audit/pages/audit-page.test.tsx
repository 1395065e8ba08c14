import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditAlertsPage, AuditPage as AuditPageData } from '@common/schemas/audit.js';
import { mockApi, renderPage } from '@web/test/render';
import { AuditPage } from './audit-page';

afterEach(() => vi.unstubAllGlobals());

const session = {
  'GET /api/auth/session': {
    body: { account: { id: 'c1', role: 'regional_coordinator', status: 'active', firstName: 'Ольга', lastName: 'Петрова', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null } },
  },
};
const staffId = '11111111-1111-4111-8111-111111111111';
const pupilId = '22222222-2222-4222-8222-222222222222';
const row = (id: string) => ({
  id,
  at: '2026-05-04T09:30:00.000Z',
  action: 'pd.viewed',
  actorRole: 'school',
  actor: { id: staffId, name: 'Сотрудникова Елена' },
  subject: { id: pupilId, name: 'Иванов Пётр' },
  ip: '10.0.0.1',
  details: { field: 'snils' },
});
const alerts: AuditAlertsPage = {
  alerts: [{ id: 'a1', createdAt: '2026-05-04T10:00:00.000Z', actor: { id: staffId, name: 'Сотрудникова Елена' }, actorRole: 'school', revealed: 240, threshold: 200, windowStart: '2026-05-04T09:00:00.000Z' }],
  nextCursor: null,
  threshold: 200,
};
const firstPage: AuditPageData = { rows: [row('9'), row('8')], nextCursor: '8' };
const secondPage: AuditPageData = { rows: [row('7')], nextCursor: null };

describe('the audit review page', () => {
  it('shows the alerts, the newest records with more on demand, and follows an alert to the staff member’s actions', async () => {
    const user = userEvent.setup();
    mockApi({
      ...session,
      'GET /api/audit/alerts': { body: alerts },
      'GET /api/audit/events?': { body: firstPage },
      'GET /api/audit/events?cursor=8': { body: secondPage },
      [`GET /api/audit/events?actor=${staffId}`]: { body: { rows: [row('9')], nextCursor: null } },
    });
    renderPage(<AuditPage />, { path: '/staff/audit' });

    expect(await screen.findByText(/240 за час при пороге 200/)).toBeInTheDocument();
    expect(await screen.findByText('Показано записей: 2')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getAllByText('Просмотр персональных данных')).toHaveLength(2);
    expect(within(table).getAllByText('Иванов Пётр')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByText('Показано записей: 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/api/audit/export?format=csv');

    await user.click(screen.getByRole('button', { name: 'Показать действия сотрудника' }));
    expect(await screen.findByText('Показано записей: 1')).toBeInTheDocument();
    expect(screen.getByLabelText(/Кто совершил действие/)).toHaveValue(staffId);
    expect(screen.getByRole('link', { name: 'XLSX' })).toHaveAttribute('href', `/api/audit/export?actor=${staffId}&format=xlsx`);
  });

  it('says what is wrong with a filter in the server’s words', async () => {
    const user = userEvent.setup();
    mockApi({
      ...session,
      'GET /api/audit/alerts': { body: { alerts: [], nextCursor: null, threshold: 200 } },
      'GET /api/audit/events?': { body: { rows: [], nextCursor: null } },
      'GET /api/audit/events?person=nobody': { status: 400, body: { error: { code: 'invalid_input', message: 'Укажите идентификатор или адрес электронной почты' } } },
    });
    renderPage(<AuditPage />, { path: '/staff/audit' });
    expect(await screen.findByText('Записей не найдено. Измените условия поиска.')).toBeInTheDocument();
    expect(screen.getByText('Предупреждений нет.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Человек, о котором запись/), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Найти' }));
    expect(await screen.findByText('Укажите идентификатор или адрес электронной почты')).toBeInTheDocument();
  });
});

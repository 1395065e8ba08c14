import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHOOL_ID, SCHOOL_REF, figure, kpiDashboard } from '@web/test/kpi-fixtures';
import { mockApi, renderPage } from '@web/test/render';
import { StaffPage } from './staff-page';

afterEach(() => vi.unstubAllGlobals());

describe('staff home', () => {
  it('greets a school and shows its key figures against targets, with the way to the dashboard', async () => {
    mockApi({
      'GET /api/auth/session': {
        body: {
          account: { id: 's1', role: 'school', status: 'active', firstName: 'Анна', lastName: 'Петрова', emailVerified: true, gate: null, regionId: 43, schoolId: SCHOOL_ID, venueId: null },
        },
      },
      'GET /api/staff/me': { body: { organisation: { kind: 'school', id: SCHOOL_ID, name: 'Лицей № 21', status: 'active', suspendReason: null }, region: null } },
      'GET /api/notifications': { body: { notifications: [] } },
      'GET /api/kpi/dashboard': {
        body: kpiDashboard({
          scope: SCHOOL_REF,
          figures: [figure('pupils_activated', 10, null, 'none'), figure('pupils_registered', 50, 200, 'behind', 0.25)],
          children: [],
        }),
      },
    });
    renderPage(<StaffPage />, { path: '/staff' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Здравствуйте, Анна!' })).toBeInTheDocument();
    expect(await screen.findByText('Лицей № 21')).toBeInTheDocument();
    const kpi = await screen.findByRole('region', { name: 'Показатели сезона' });
    // The figure with a target comes first.
    expect(within(kpi).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Зарегистрировано участников', 'Активировали профиль']);
    expect(within(kpi).getByRole('progressbar', { name: 'Зарегистрировано участников: 50, цель: 200, отстаёт' })).toBeInTheDocument();
    expect(within(kpi).getByText('отстаёт')).toBeInTheDocument();
    expect(within(kpi).getByRole('link', { name: 'Все показатели' })).toHaveAttribute('href', '/staff/kpi');
    const sections = screen.getByRole('region', { name: 'Разделы кабинета' });
    expect(within(sections).getByRole('link', { name: 'Импорт из файла' })).toHaveAttribute('href', '/staff/imports');
    expect(within(sections).queryByRole('link', { name: 'Главная' })).not.toBeInTheDocument();
  });

  it('shows the coordinator its region in numbers', async () => {
    mockApi({
      'GET /api/auth/session': {
        body: {
          account: { id: 'c1', role: 'regional_coordinator', status: 'active', firstName: 'Ольга', lastName: 'Смирнова', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null },
        },
      },
      'GET /api/staff/me': { body: { organisation: null, region: { id: 43, name: 'Кировская область' } } },
      'GET /api/notifications': {
        body: {
          notifications: [
            {
              id: 'n1',
              kind: 'audit.pd_reveal_alert',
              title: 'Необычно много просмотров персональных данных',
              body: 'Сотрудникова Елена (Школа) за последний час открыла персональные данные 240 раз — порог 200.',
              link: '/staff/audit?actor=11111111-1111-4111-8111-111111111111',
              createdAt: '2026-05-04T10:00:00.000Z',
              readAt: null,
            },
          ],
        },
      },
      'GET /api/kpi/dashboard': { body: kpiDashboard() },
      'GET /api/regions/overview': {
        body: {
          regions: [
            { id: 43, code: '43', name: 'Кировская область', seasonStartsOn: '2026-07-01', seasonEndsOn: null, cities: 12, coordinators: 1, schools: 40, venues: 6, pupils: 1500 },
          ],
        },
      },
    });
    renderPage(<StaffPage />, { path: '/staff' });

    const summary = await screen.findByRole('region', { name: 'Кировская область' });
    expect(within(summary).getByText('Сезон: с 1 июля 2026, окончание не задано')).toBeInTheDocument();
    expect(within(summary).getByText('1500')).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Настроить регион' })).toHaveAttribute('href', '/staff/region');
    expect(await screen.findByRole('link', { name: 'Все показатели' })).toHaveAttribute('href', '/staff/kpi');
    // An alert of the audit review reaches the coordinator's home and leads to the staff member's actions.
    const notices = screen.getByRole('region', { name: 'Уведомления' });
    expect(within(notices).getByText('Необычно много просмотров персональных данных')).toBeInTheDocument();
    expect(within(notices).getByRole('link', { name: 'Подробнее' })).toHaveAttribute('href', '/staff/audit?actor=11111111-1111-4111-8111-111111111111');
  });
});

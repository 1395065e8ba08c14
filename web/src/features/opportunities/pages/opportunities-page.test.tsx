import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StaffOpportunitySummary } from '@common/guidance.js';
import type { Role } from '@common/roles.js';
import { mockApi, renderPage } from '@web/test/render';
import { OpportunitiesPage } from './opportunities-page';

afterEach(() => vi.unstubAllGlobals());

const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: { account: { id: 's1', role, status: 'active', firstName: 'Игорь', lastName: 'Лебедев', emailVerified: true, gate: null, regionId: role === 'issuer_admin' ? null : 43, schoolId: null, venueId: null } },
  },
});

const row: StaffOpportunitySummary = {
  id: 'op1',
  kind: 'olympiad',
  title: 'Олимпиада «Вятский код»',
  provider: 'Центр «Полярная звезда»',
  cityName: 'Киров',
  online: false,
  free: true,
  ovzAccessible: true,
  startsOn: null,
  endsOn: null,
  federal: false,
  status: 'published',
  regionName: 'Кировская область',
  gradeFrom: 7,
  gradeTo: 11,
  updatedAt: '2026-12-01T10:00:00Z',
};

const page = (items: StaffOpportunitySummary[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });

describe('staff opportunities list', () => {
  it('shows the coordinator its region’s opportunities with the ways to add them', async () => {
    mockApi({ ...session('regional_coordinator'), 'GET /api/staff/opportunities?sort=title&order=asc&page=1&pageSize=20': page([row]) });
    renderPage(<OpportunitiesPage />, { path: '/staff/opportunities' });

    const line = (await screen.findByRole('link', { name: row.title })).closest('tr')!;
    expect(within(line).getByText('Олимпиада или конкурс')).toBeInTheDocument();
    expect(within(line).getByText('7–11')).toBeInTheDocument();
    expect(within(line).getByText('Опубликована')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Возможности региона' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Загрузить из файла' })).toHaveAttribute('href', '/staff/opportunities/import');
    expect(screen.queryByRole('columnheader', { name: 'Регион' })).not.toBeInTheDocument();
  });

  it('asks the server for one kind when the filter is set, and shows the issuer the region column', async () => {
    mockApi({ ...session('issuer_admin'), 'GET /api/staff/opportunities?sort=title&order=asc&page=1&pageSize=20&kind=olympiad': page([{ ...row, federal: true, regionName: null }]) });
    renderPage(<OpportunitiesPage />, { path: '/staff/opportunities', url: '/staff/opportunities?kind=olympiad' });

    const line = (await screen.findByRole('link', { name: row.title })).closest('tr')!;
    expect(within(line).getByText('Федеральная')).toBeInTheDocument();
    expect(screen.getByLabelText('Вид')).toHaveValue('Олимпиада или конкурс');
  });
});

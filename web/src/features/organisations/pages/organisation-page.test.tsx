import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { OrganisationCard } from '../api/organisations-api';
import { OrganisationPage } from './organisation-page';

afterEach(() => vi.unstubAllGlobals());

const SCHOOL_ID = '0f8b5a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
const CARD_URL = `/api/schools/${SCHOOL_ID}`;

function account(role: string) {
  return { id: 'u1', role, status: 'active', firstName: 'Ольга', lastName: 'Смирнова', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null };
}

function card(over: Partial<OrganisationCard> = {}): OrganisationCard {
  return {
    id: SCHOOL_ID,
    kind: 'school',
    name: 'Лицей № 21',
    inn: '7707083893',
    ogrn: '1027700132195',
    regionId: 43,
    regionName: 'Кировская область',
    cityId: 7,
    address: 'ул. Ленина, д. 10',
    phone: '+78332223344',
    email: null,
    website: null,
    headName: 'Иванов Пётр Сергеевич',
    description: null,
    status: 'active',
    suspendedAt: null,
    suspendReason: null,
    createdAt: '2026-08-20T10:00:00Z',
    competencies: [],
    staff: [],
    permissions: { edit: true, manage: true, changeLegalIds: true },
    ...over,
  };
}

function serve(role: string, data: OrganisationCard, more: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/auth/session': { body: { account: account(role) } },
    [`GET ${CARD_URL}`]: { body: data },
    'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
    ...more,
  });
}

const open = () => renderPage(<OrganisationPage />, { path: '/staff/organisations/:kind/:id', url: `/staff/organisations/school/${SCHOOL_ID}` });

describe('the card', () => {
  it('lets the school edit its data but not suspend itself', async () => {
    serve('school', card({ permissions: { edit: true, manage: false, changeLegalIds: false } }));
    open();

    expect(await screen.findByRole('button', { name: 'Изменить данные' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Приостановить работу' })).not.toBeInTheDocument();
  });
});

describe('suspension', () => {
  it('explains a suspension to everyone and lets the coordinator lift it', async () => {
    const fetchMock = serve(
      'regional_coordinator',
      card({ status: 'suspended', suspendedAt: '2026-09-01T09:00:00Z', suspendReason: 'Не подтвердила готовность к сезону' }),
      { [`POST ${CARD_URL}/reactivate`]: { body: { ok: true } } },
    );
    const user = userEvent.setup();
    open();

    expect(await screen.findByText('Работа организации приостановлена')).toBeInTheDocument();
    expect(screen.getByText('Причина: Не подтвердила готовность к сезону')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Возобновить работу' }));
    await waitFor(() => expect(callsTo(fetchMock, `POST ${CARD_URL}/reactivate`)).toHaveLength(1));
  });
});

import { screen, waitFor, within } from '@testing-library/react';
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
    kpi: [
      { metric: 'registered_pupils', label: 'Зарегистрировано участников', target: 300, reached: 120 },
      { metric: 'linked_parents', label: 'Участников со связанным родителем', target: null, reached: 80 },
      { metric: 'consents', label: 'Участников с согласием родителя', target: 250, reached: 60 },
      { metric: 'pupils_tested', label: 'Участников, прошедших тест', target: null, reached: null },
    ],
    permissions: { edit: true, manage: true, changeLegalIds: true },
    ...over,
  };
}

function serve(role: string, data: OrganisationCard, more: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/auth/session': { body: { account: account(role) } },
    [`GET ${CARD_URL}`]: { body: data },
    'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
    [`PUT ${CARD_URL}/kpi-targets`]: { body: { ok: true } },
    ...more,
  });
}

const open = () => renderPage(<OrganisationPage />, { path: '/staff/organisations/:kind/:id', url: `/staff/organisations/school/${SCHOOL_ID}` });

describe('KPI targets', () => {
  it('shows each target against what is reached', async () => {
    serve('regional_coordinator', card());
    open();

    const kpi = await screen.findByRole('region', { name: 'Показатели сезона' });
    expect(within(kpi).getByRole('progressbar', { name: 'Зарегистрировано участников: 120 из 300 (40%)' })).toHaveAttribute('aria-valuenow', '40');
    expect(within(kpi).getByText('80, цель не задана')).toBeInTheDocument();
    expect(within(kpi).getByText('цель не задана, пока не считается')).toBeInTheDocument();
  });

  it('lets the coordinator replace the targets, an empty field meaning no target', async () => {
    const fetchMock = serve('regional_coordinator', card());
    const user = userEvent.setup();
    open();

    const kpi = await screen.findByRole('region', { name: 'Показатели сезона' });
    await user.click(within(kpi).getByRole('button', { name: 'Изменить цели' }));
    const registered = within(kpi).getByLabelText('Зарегистрировано участников');
    expect(registered).toHaveValue('300');
    await user.clear(registered);
    await user.type(registered, '450');
    await user.clear(within(kpi).getByLabelText('Участников с согласием родителя'));
    await user.type(within(kpi).getByLabelText('Участников, прошедших тест'), '200');
    await user.click(within(kpi).getByRole('button', { name: 'Сохранить цели' }));

    await waitFor(() =>
      expect(callsTo(fetchMock, `PUT ${CARD_URL}/kpi-targets`)).toEqual([{ targets: { registered_pupils: 450, pupils_tested: 200 } }]),
    );
    await waitFor(() => expect(within(kpi).queryByRole('button', { name: 'Сохранить цели' })).not.toBeInTheDocument());
  });

  it('puts a refused target under its own field', async () => {
    const fetchMock = serve('regional_coordinator', card(), {
      [`PUT ${CARD_URL}/kpi-targets`]: {
        status: 400,
        body: { error: { code: 'invalid_input', message: 'Проверьте введённые данные', fields: { 'targets.consents': 'Слишком большая цель' } } },
      },
    });
    const user = userEvent.setup();
    open();

    const kpi = await screen.findByRole('region', { name: 'Показатели сезона' });
    await user.click(within(kpi).getByRole('button', { name: 'Изменить цели' }));
    await user.click(within(kpi).getByRole('button', { name: 'Сохранить цели' }));

    const consents = within(kpi).getByLabelText('Участников с согласием родителя');
    await waitFor(() => expect(consents).toHaveAttribute('aria-invalid', 'true'));
    expect(consents).toHaveAccessibleDescription(expect.stringContaining('Слишком большая цель'));
    expect(callsTo(fetchMock, `PUT ${CARD_URL}/kpi-targets`)).toEqual([{ targets: { registered_pupils: 300, consents: 250 } }]);
  });

  it('is read-only for whoever does not manage the organisation', async () => {
    serve('school', card({ permissions: { edit: true, manage: false, changeLegalIds: false } }));
    open();

    const kpi = await screen.findByRole('region', { name: 'Показатели сезона' });
    expect(within(kpi).getAllByRole('progressbar')).toHaveLength(4);
    expect(within(kpi).queryByRole('button', { name: 'Изменить цели' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Приостановить работу' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Изменить данные' })).toBeInTheDocument();
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

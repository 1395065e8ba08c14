import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { StaffProfile } from '../api/profile-api';
import { ProfilePage } from './profile-page';

afterEach(() => vi.unstubAllGlobals());

function profile(over: Partial<StaffProfile> = {}): StaffProfile {
  return {
    id: 'm1',
    role: 'mentor',
    email: 'mentor@example.ru',
    lastName: 'Кузнецов',
    firstName: 'Илья',
    middleName: null,
    phone: '+79001234567',
    position: null,
    about: null,
    region: { id: 43, name: 'Кировская область' },
    organisation: { kind: 'venue', id: 'v1', name: 'Вятский колледж', status: 'active', suspendReason: null },
    competencies: [{ id: 11, code: 'welding', name: 'Сварочные технологии' }],
    secondFactorEnabled: false,
    consentAcceptedAt: '2026-09-01T09:00:00Z',
    ...over,
  };
}

const competencies = {
  spheres: [
    {
      id: 1,
      code: 'industry',
      name: 'Промышленность',
      competencies: [
        { id: 11, code: 'welding', name: 'Сварочные технологии' },
        { id: 12, code: 'cnc', name: 'Токарные работы на станках с ЧПУ' },
      ],
    },
  ],
};

describe('own profile', () => {
  it('sends only what changed, and a mentor picks competencies', async () => {
    const fetchMock = mockApi({
      'GET /api/staff/me': { body: profile() },
      'GET /api/reference/competencies': { body: competencies },
      'PATCH /api/staff/me': { body: { ok: true } },
      'GET /api/auth/session': { body: { account: null } },
    });
    const user = userEvent.setup();
    renderPage(<ProfilePage />, { path: '/staff/profile' });

    expect(await screen.findByText('Вятский колледж')).toBeInTheDocument();
    expect(screen.getByLabelText('Телефон')).toHaveValue('+7 900 123-45-67');
    await user.type(screen.getByLabelText('Должность'), 'Мастер производственного обучения');
    await user.click(screen.getByLabelText('Компетенции'));
    await user.click(await screen.findByRole('option', { name: 'Токарные работы на станках с ЧПУ' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await waitFor(() =>
      expect(callsTo(fetchMock, 'PATCH /api/staff/me')).toEqual([{ position: 'Мастер производственного обучения', competencyIds: [11, 12] }]),
    );
  });

  it('offers no competencies to anyone but a mentor and says when nothing changed', async () => {
    const fetchMock = mockApi({ 'GET /api/staff/me': { body: profile({ role: 'navigator', competencies: [] }) } });
    const user = userEvent.setup();
    renderPage(<ProfilePage />, { path: '/staff/profile' });

    await user.click(await screen.findByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Вы ничего не изменили')).toBeInTheDocument();
    expect(screen.queryByLabelText('Компетенции')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'PATCH /api/staff/me')).toHaveLength(0);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfessionView } from '@common/guidance.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { ProfessionsTab } from './professions-tab';

afterEach(() => vi.unstubAllGlobals());

const welder: ProfessionView = {
  id: 3,
  code: 'welder',
  name: 'Сварщик',
  description: 'Соединяет металлические детали.',
  education: ['spo'],
  programmes: ['22.02.06 — Сварочное производство'],
  competencies: [{ id: 11, code: 'welding', name: 'Сварочные технологии' }],
};

describe('the professions tab', () => {
  it('lists professions and saves an edit with the same code', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/reference/professions': { body: { professions: [welder] } },
      'GET /api/reference/competencies': { body: { spheres: [{ id: 2, code: 'industry', name: 'Промышленность', competencies: [{ id: 11, code: 'welding', name: 'Сварочные технологии' }] }] } },
      'PUT /api/reference/professions/3': { body: { ok: true } },
    });
    renderPage(<ProfessionsTab />, { path: '/staff/reference' });

    const row = (await screen.findByText('Сварщик')).closest('tr')!;
    expect(within(row).getByText('Сварочные технологии')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Изменить: Сварщик' }));
    const name = await screen.findByLabelText('Название', { exact: false });
    await user.clear(name);
    await user.type(name, 'Сварщик-монтажник');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await vi.waitFor(() => expect(callsTo(fetchMock, 'PUT /api/reference/professions/3')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT /api/reference/professions/3')[0]).toEqual({
      name: 'Сварщик-монтажник',
      description: welder.description,
      education: ['spo'],
      programmes: welder.programmes,
      competencyIds: [11],
    });
  });
});

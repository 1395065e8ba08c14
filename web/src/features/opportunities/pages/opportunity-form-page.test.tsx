import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { NewOpportunityPage } from './opportunity-form-page';

afterEach(() => vi.unstubAllGlobals());

const session = {
  'GET /api/auth/session': {
    body: { account: { id: 's1', role: 'regional_coordinator', status: 'active', firstName: 'Игорь', lastName: 'Лебедев', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null } },
  },
};

describe('the opportunity form', () => {
  it('refuses HTML in a text field before sending anything', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...session,
      'GET /api/reference/competencies': { body: { spheres: [{ id: 1, code: 'it', name: 'ИТ', competencies: [{ id: 5, code: 'web-technologies', name: 'Веб-технологии' }] }] } },
      'GET /api/regions/43/cities': { body: { cities: [{ id: 7, name: 'Киров' }] } },
      'POST /api/staff/opportunities': { status: 201, body: { id: 'op1' } },
    });
    renderPage(<NewOpportunityPage />, { path: '/staff/opportunities/new' });

    await user.type(await screen.findByLabelText('Название', { exact: false }), 'Кружок <b>жирный</b>');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByText('HTML-разметка не допускается: пишите обычным текстом')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Выберите вид возможности')).toBeInTheDocument());
    expect(callsTo(fetchMock, 'POST /api/staff/opportunities')).toHaveLength(0);
  });
});

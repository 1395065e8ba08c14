import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROCESSING_INSTRUCTION } from '@common/organisations.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { InstructionPage } from './instruction-page';

afterEach(() => vi.unstubAllGlobals());

const session = (role: string, instructionPending: boolean) => ({
  body: {
    account: { id: 's1', role, status: 'active', firstName: 'Елена', lastName: 'Смирнова', emailVerified: true, gate: null, instructionPending, regionId: 43, schoolId: 'sch', venueId: null },
  },
});
const status = (over: Record<string, unknown>) => ({
  body: { instruction: PROCESSING_INSTRUCTION, organisation: { kind: 'school', id: 'sch', name: 'Лицей № 1' }, current: null, history: [], canAccept: true, ...over },
});
const acceptance = { version: PROCESSING_INSTRUCTION.version, acceptedAt: '2026-12-06T10:00:00.000Z', acceptedByName: 'Смирнова Елена' };

describe('the operator’s instruction page', () => {
  it('asks the administrator to tick the box, then records the current version', async () => {
    const fetchMock = mockApi({
      'GET /api/auth/session': session('school', true),
      'GET /api/organisation-instruction': status({}),
      'POST /api/organisation-instruction/acceptance': status({ current: acceptance, history: [acceptance] }),
    });
    const user = userEvent.setup();
    renderPage(<InstructionPage />, { path: '/staff/instruction' });

    expect(await screen.findByRole('heading', { name: PROCESSING_INSTRUCTION.title })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Принять поручение' }));
    expect(await screen.findByText('Отметьте, что вы прочитали поручение и принимаете его')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/organisation-instruction/acceptance')).toEqual([]);

    await user.click(screen.getByLabelText('Я прочитал(а) поручение и принимаю его от имени организации'));
    await user.click(screen.getByRole('button', { name: 'Принять поручение' }));
    expect(await screen.findByText('Поручение принято')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/organisation-instruction/acceptance')).toEqual([{ version: PROCESSING_INSTRUCTION.version }]);
  });

  it('tells a navigator who accepts it and where, without a button', async () => {
    mockApi({
      'GET /api/auth/session': session('navigator', true),
      'GET /api/organisation-instruction': status({ canAccept: false }),
    });
    renderPage(<InstructionPage />, { path: '/staff/instruction' });
    expect(await screen.findByText(/Его принимает администратор школы в своём кабинете, в разделе «Поручение оператора»/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Принять поручение' })).toBeNull();
  });
});

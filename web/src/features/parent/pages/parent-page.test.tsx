import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_TEXTS, CONSENT_WITHDRAWAL_CONSEQUENCES } from '@common/consents.js';
import { missingParticipationSteps } from '@common/participation.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import type { ParentCabinet, ParentChild } from '@web/lib/parent-cabinet';
import { ParentPage } from './parent-page';

afterEach(() => vi.unstubAllGlobals());

/** A consent's region is named by its title followed by the child's name. */
const startsWith = (title: string) => (name: string) => name.startsWith(title);

const CHILD_ID = '7d2f7a43-93b5-4c3c-9a0c-2b1f3c1a9e11';

function child(overrides: Partial<ParentChild>, facts: Partial<ParentChild['status']> = {}): ParentChild {
  const status = { emailVerified: true, parentLinked: true, consentGiven: false, tested: false, ...facts };
  return {
    id: CHILD_ID,
    lastName: 'Иванов',
    firstName: 'Артём',
    middleName: null,
    birthDate: '2012-04-17',
    age: 13,
    email: 'pupil@example.ru',
    grade: 8,
    region: 'Кировская область',
    city: 'Киров',
    school: 'Школа № 14',
    hasOvz: false,
    representativeKind: 'parent',
    status,
    missing: missingParticipationSteps(status),
    consents: { pd_processing: null, photo_video: null, health_data: null },
    ...overrides,
  };
}

function cabinet(children: ParentChild[], status: ParentCabinet['account']['status'] = 'active'): ParentCabinet {
  return {
    account: {
      id: 'm1',
      status,
      email: 'ivanova@example.ru',
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: null,
      birthDate: '1985-02-03',
      phone: null,
      snilsMasked: '***-***-*** 95',
    },
    children,
  };
}

function serve(data: ParentCabinet) {
  return mockApi({
    'GET /api/parent/cabinet': { body: data },
    'GET /api/consents/texts': { body: { texts: Object.values(CONSENT_TEXTS) } },
    'GET /api/invitations': { body: { invitations: [] } },
    'GET /api/notifications': { body: { notifications: [] } },
    [`GET /api/pupils/${CHILD_ID}/events`]: { body: { planned: [], past: [] } },
    [`GET /api/data-rights/erasure?subjectId=${CHILD_ID}`]: { body: { pending: null, mayRequest: true, refusal: null } },
    [`POST /api/parent/children/${CHILD_ID}/consents`]: { status: 201, body: {} },
    [`POST /api/parent/children/${CHILD_ID}/consents/photo_video/withdraw`]: { body: { ok: true } },
  });
}

describe('parent cabinet', () => {
  it('gives a consent for the version that was shown', async () => {
    const fetchMock = serve(cabinet([child({})]));
    const user = userEvent.setup();
    renderPage(<ParentPage />, { path: '/parent' });

    const consent = await screen.findByRole('region', { name: startsWith(CONSENT_TEXTS.pd_processing.title) });
    await user.click(within(consent).getByRole('button', { name: 'Дать согласие' }));

    await waitFor(() =>
      expect(callsTo(fetchMock, `POST /api/parent/children/${CHILD_ID}/consents`)).toEqual([
        { kind: 'pd_processing', textVersion: CONSENT_TEXTS.pd_processing.version },
      ]),
    );
  });

  it('asks only about health data when the child has ОВЗ', async () => {
    serve(cabinet([child({})]));
    const { unmount } = renderPage(<ParentPage />, { path: '/parent' });
    await screen.findByRole('region', { name: startsWith(CONSENT_TEXTS.pd_processing.title) });
    expect(screen.queryByRole('region', { name: startsWith(CONSENT_TEXTS.health_data.title) })).not.toBeInTheDocument();
    unmount();

    serve(cabinet([child({ hasOvz: true })]));
    renderPage(<ParentPage />, { path: '/parent' });
    expect(await screen.findByRole('region', { name: startsWith(CONSENT_TEXTS.health_data.title) })).toBeInTheDocument();
  });

  it('withdraws a consent only after confirming', async () => {
    const given = { textVersion: '2026-09', givenAt: '2026-09-10T09:00:00Z' };
    const fetchMock = serve(cabinet([child({ consents: { pd_processing: given, photo_video: given, health_data: null } })]));
    const user = userEvent.setup();
    renderPage(<ParentPage />, { path: '/parent' });

    const consent = await screen.findByRole('region', { name: startsWith(CONSENT_TEXTS.photo_video.title) });
    await user.click(within(consent).getByRole('button', { name: 'Отозвать согласие' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отозвать согласие?' });
    expect(callsTo(fetchMock, `POST /api/parent/children/${CHILD_ID}/consents/photo_video/withdraw`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));

    // The personal-data consent's dialog says what follows before anything happens.
    const main = screen.getByRole('region', { name: startsWith(CONSENT_TEXTS.pd_processing.title) });
    await user.click(within(main).getByRole('button', { name: 'Отозвать согласие' }));
    const consequences = within(await screen.findByRole('dialog', { name: 'Отозвать согласие?' })).getByRole('list', { name: 'Последствия отзыва согласия' });
    expect(within(consequences).getAllByRole('listitem').map((li) => li.textContent)).toEqual([...CONSENT_WITHDRAWAL_CONSEQUENCES.pd_processing]);
    await user.click(screen.getByRole('button', { name: 'Отмена' }));

    await user.click(within(consent).getByRole('button', { name: 'Отозвать согласие' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Отозвать согласие?' })).getByRole('button', { name: 'Да, отозвать' }));
    await waitFor(() => expect(callsTo(fetchMock, `POST /api/parent/children/${CHILD_ID}/consents/photo_video/withdraw`)).toHaveLength(1));
  });

  it('is not «всё готово» before the child has taken a test: it names the open condition and what to do', async () => {
    serve(cabinet([child({}, { consentGiven: true })]));
    renderPage(<ParentPage />, { path: '/parent' });
    const section = await screen.findByRole('region', { name: 'Иванов Артём' });
    expect(within(section).getByText(/Ребёнок ещё не прошёл ни одного онлайн-теста\. Ребёнку нужно пройти любой тест/)).toBeInTheDocument();
    expect(within(section).queryByText('Всё готово')).not.toBeInTheDocument();
  });

  it('says «всё готово» only when no condition is open', async () => {
    serve(cabinet([child({}, { consentGiven: true, tested: true })]));
    renderPage(<ParentPage />, { path: '/parent' });
    expect(await screen.findByText('Всё готово')).toBeInTheDocument();
  });

  it('explains both ways to link a child when there is none yet', async () => {
    serve(cabinet([]));
    renderPage(<ParentPage />, { path: '/parent' });

    expect(await screen.findByText('Пока ни один ребёнок не связан с вашим кабинетом.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Пригласить по почте', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Пригласить' })).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Создать кабинет ребёнку до 14 лет' }));
    expect(screen.getByRole('button', { name: 'Создать кабинет' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Пригласить' })).not.toBeInTheDocument();
  });

  it('asks the server again, and only on request, each time the child’s data is shown', async () => {
    const fetchMock = mockApi({
      'GET /api/parent/cabinet': { body: cabinet([child({})]) },
      'GET /api/consents/texts': { body: { texts: Object.values(CONSENT_TEXTS) } },
      'GET /api/invitations': { body: { invitations: [] } },
      'GET /api/notifications': { body: { notifications: [] } },
      [`GET /api/paper-consents?participantId=${CHILD_ID}&sort=uploadedAt&order=desc&page=1&pageSize=100`]: {
        body: { items: [], total: 0, page: 1, pageSize: 100 },
      },
      [`GET /api/parent/children/${CHILD_ID}/personal-data`]: { body: { snils: '112-233-445 95', document: null, hasOvz: false, ovzDetails: null } },
    });
    const user = userEvent.setup();
    renderPage(<ParentPage />, { path: '/parent' });

    await user.click(await screen.findByRole('button', { name: 'Личные данные ребёнка' }));
    await user.click(await screen.findByRole('button', { name: 'Показать данные' }));
    expect(await screen.findByText('112-233-445 95')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Скрыть личные данные' }));
    await waitFor(() => expect(screen.queryByText('112-233-445 95')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Личные данные ребёнка' }));
    expect(await screen.findByRole('button', { name: 'Показать данные' })).toBeInTheDocument();
    expect(screen.queryByText('112-233-445 95')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Показать данные' }));
    expect(await screen.findByText('112-233-445 95')).toBeInTheDocument();
    expect(callsTo(fetchMock, `GET /api/parent/children/${CHILD_ID}/personal-data`)).toHaveLength(2);
  });

  it('sends a parent who has not confirmed the Госуслуги data to the confirmation', async () => {
    serve(cabinet([], 'pending'));
    renderPage(<ParentPage />, { path: '/parent' });

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/parent/confirm'));
  });
});

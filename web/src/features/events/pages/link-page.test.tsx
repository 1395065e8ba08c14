import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ELIGIBILITY_TEXTS } from '@common/events.js';
import { callsTo, mockApi, renderPage, signedOut } from '@web/test/render';
import type { PublicLinkSummary } from '@common/schemas/events.js';
import { TOKEN, eligibility, eventCard, parentSession, pupilSession } from '@web/test/event-fixtures';
import { LinkPage } from './link-page';

afterEach(() => vi.unstubAllGlobals());

/** The public part of the fixture's card: what the link shows before sign-in. */
function summary(): PublicLinkSummary {
  const e = eventCard();
  return {
    title: e.title,
    format: e.format,
    competency: { name: e.competency.name, sphereName: e.competency.sphereName },
    venue: { name: e.venue.name },
    place: null,
    school: e.school ? { name: e.school.name } : null,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    durationMinutes: e.durationMinutes,
    capacity: e.capacity,
    seatsLeft: e.seatsLeft,
    gradeFrom: e.gradeFrom,
    gradeTo: e.gradeTo,
    status: e.status,
  };
}

const CARD = `GET /api/enrol-links/${TOKEN}`;
const SUMMARY = `GET /api/enrol-links/${TOKEN}/summary`;
const ENROL = `POST /api/enrol-links/${TOKEN}/enrolments`;
const url = `/e/${TOKEN}`;

describe('the lesson card behind a school link', () => {
  it('shows the lesson, the failed condition with what to do, and keeps «Записать ребенка» disabled', async () => {
    mockApi({ ...parentSession, [CARD]: { body: { event: eventCard(), children: [eligibility('c1', 'Иванов Артём', ['tested'])] } } });
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Урок мастерства: 3D-моделирование' })).toBeInTheDocument();
    // Moscow time in words; the year is added only for another year than the current one.
    expect(screen.getByText(/^пятница, 27 ноября( 2026 г\.)?, 14:00–14:45$/)).toBeInTheDocument();
    expect(screen.getByText('45 минут')).toBeInTheDocument();
    expect(screen.getByText('Свободно 4 места из 15')).toBeInTheDocument();
    expect(screen.getByText('Смирнов Олег Петрович')).toBeInTheDocument();

    const checklist = screen.getByRole('list', { name: 'Условия записи' });
    expect(within(checklist).getByText(ELIGIBILITY_TEXTS.tested.failed)).toBeInTheDocument();
    expect(within(checklist).getByText(`Что сделать: ${ELIGIBILITY_TEXTS.tested.remedy}`)).toBeInTheDocument();
    expect(within(checklist).getByText(ELIGIBILITY_TEXTS.consent.title)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Записать ребенка' })).toBeDisabled();
    // One child needs no choosing.
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('asks which child first when there are several, then enrols the chosen one and confirms', async () => {
    const fetchMock = mockApi({
      ...parentSession,
      [CARD]: { body: { event: eventCard(), children: [eligibility('c1', 'Иванов Артём'), eligibility('c2', 'Иванова Ольга', [], { grade: 9 })] } },
      [ENROL]: { status: 201, body: { enrolment: { id: 'en1', status: 'confirmed', holdExpiresAt: null } } },
    });
    const user = userEvent.setup();
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('radiogroup', { name: 'Кого записать?' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(screen.getByRole('radio', { name: /Иванова Ольга.*9 класс/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Записать ребенка' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Иванова Ольга/ }));
    await user.click(screen.getByRole('button', { name: 'Записать ребенка' }));

    const done = await screen.findByRole('status', { name: /Ребёнок записан/ });
    expect(within(done).getByText('Иванова Ольга — «Урок мастерства: 3D-моделирование»')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Добавить в календарь' })).toHaveAttribute('href', '/api/enrolments/en1/calendar.ics');
    expect(screen.getByRole('link', { name: 'Перейти в кабинет' })).toHaveAttribute('href', '/parent');
    expect(screen.getByText(/в разделе «Запланированные»/)).toBeInTheDocument();
    const [body] = callsTo(fetchMock, ENROL) as Array<{ childId: string; idempotencyKey: string }>;
    expect(body).toMatchObject({ childId: 'c2' });
    expect(body!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers the waiting list when the last seat went in the meantime', async () => {
    const fetchMock = mockApi({
      ...parentSession,
      [CARD]: { body: { event: eventCard(), children: [eligibility('c1', 'Иванов Артём')] } },
      [ENROL]: (body) =>
        (body as { waitlist?: boolean }).waitlist
          ? { status: 201, body: { enrolment: { id: 'en2', status: 'waitlisted', holdExpiresAt: null } } }
          : { status: 409, body: { error: { code: 'event_full', message: 'Свободных мест нет', details: { condition: 'seat', waitlist: true } } } },
    });
    const user = userEvent.setup();
    renderPage(<LinkPage />, { path: '/e/:token', url });

    await user.click(await screen.findByRole('button', { name: 'Записать ребенка' }));
    await user.click(await screen.findByRole('button', { name: 'Встать в лист ожидания' }));

    expect(await screen.findByRole('status', { name: /Ребёнок в листе ожидания/ })).toBeInTheDocument();
    const calls = callsTo(fetchMock, ENROL) as Array<{ waitlist?: boolean; idempotencyKey: string }>;
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ childId: 'c1', waitlist: true });
    // Joining the waiting list is a new intent, not a retry of the refused request.
    expect(calls[1]!.idempotencyKey).not.toBe(calls[0]!.idempotencyKey);
    expect(screen.queryByRole('link', { name: 'Добавить в календарь' })).not.toBeInTheDocument();
  });

  it('shows a child already enrolled with its status instead of the button', async () => {
    mockApi({ ...parentSession, [CARD]: { body: { event: eventCard(), children: [eligibility('c1', 'Иванов Артём', [], { enrolment: { id: 'en1', status: 'confirmed' } })] } } });
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByText('Записан')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Записать ребенка' })).not.toBeInTheDocument();
  });

  it('says a revoked link no longer works and to ask the school for a new one', async () => {
    mockApi({ ...parentSession, [CARD]: { status: 404, body: { error: { code: 'not_found', message: 'Ссылка отозвана или не существует' } } } });
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('heading', { name: 'Ссылка не действует' })).toBeInTheDocument();
    expect(screen.getByText('Ссылка отозвана или не существует')).toBeInTheDocument();
    expect(screen.getByText(/попросите в школе новую ссылку/)).toBeInTheDocument();
  });

  it('tells a pupil the link is for parents', async () => {
    mockApi(pupilSession);
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('heading', { name: 'Эта ссылка — для родителей' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Я родитель — войти через Госуслуги' })).toHaveAttribute(
      'href',
      `/api/auth/esia/start?returnTo=${encodeURIComponent(url)}`,
    );
  });

  it('shows a signed-out parent the lesson first, says why to sign in, and links to Госуслуги and back to the same card', async () => {
    mockApi({ ...signedOut, [SUMMARY]: { body: summary() } });
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Урок мастерства: 3D-моделирование' })).toBeInTheDocument();
    expect(screen.getByText(/^пятница, 27 ноября( 2026 г\.)?, 14:00–14:45$/)).toBeInTheDocument();
    expect(screen.getByText('45 минут')).toBeInTheDocument();
    expect(screen.getByText('Свободно 4 места из 15')).toBeInTheDocument();
    expect(screen.getByText(/чтобы выбрать ребёнка|показываем ваших детей/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Войти через Госуслуги' })).toHaveAttribute('href', `/api/auth/esia/start?returnTo=${encodeURIComponent(url)}`);
  });

  it('comes back to the card with a plain word after a cancel at Госуслуги', async () => {
    mockApi({ ...signedOut, [SUMMARY]: { body: summary() } });
    renderPage(<LinkPage />, { path: '/e/:token', url: `${url}?esia=access_denied` });

    expect(await screen.findByText('Вход через Госуслуги отменён')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Урок мастерства: 3D-моделирование' })).toBeInTheDocument();
    expect(screen.queryByText('Вход не разрешён')).not.toBeInTheDocument();
  });

  it('names the child the checklist is for, even when there is only one', async () => {
    mockApi({ ...parentSession, [CARD]: { body: { event: eventCard(), children: [eligibility('c1', 'Иванов Артём', ['tested'])] } } });
    renderPage(<LinkPage />, { path: '/e/:token', url });

    expect(await screen.findByRole('heading', { name: 'Проверка условий для ребёнка: Иванов Артём, 7 класс' })).toBeInTheDocument();
  });
});

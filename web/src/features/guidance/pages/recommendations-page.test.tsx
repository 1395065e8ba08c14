import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { OPPORTUNITY_ID, recommendations } from '@web/test/guidance-fixtures';
import { EVENT_ID } from '@web/test/event-fixtures';
import { ParentRecommendationsPage, PupilRecommendationsPage } from './recommendations-page';

afterEach(() => vi.unstubAllGlobals());

describe('the pupil’s recommendations', () => {
  it('shows every kind of item with its reason and the picture behind them', async () => {
    mockApi({ 'GET /api/recommendations/me': { body: recommendations() } });
    renderPage(<PupilRecommendationsPage />, { path: '/participant/recommendations' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Рекомендации' })).toBeInTheDocument();
    expect(await screen.findByText('Картина складывается из трёх тестов и одной пробы.')).toBeInTheDocument();
    expect(screen.getByText('средняя')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Самые сильные сферы, баллы от 0 до 100' })).toHaveTextContent('Информационные технологии823');

    const test = screen.getByRole('article', { name: 'Карта интересов' });
    expect(test).toHaveTextContent('Интерес к медицине пока известен только по одному тесту.');
    expect(within(test).getByRole('button', { name: 'Пройти: Карта интересов' })).toBeInTheDocument();

    const trial = screen.getByRole('article', { name: 'Проба: веб-разработчик' });
    expect(trial).toHaveTextContent('Интерес к ИТ по трём тестам и оценка наставника 5.');
    expect(within(trial).getByRole('link', { name: 'Записаться: Проба: веб-разработчик' })).toHaveAttribute('href', `/participant/events/${EVENT_ID}`);

    const club = screen.getByRole('article', { name: 'Кружок робототехники' });
    expect(club).toHaveTextContent('Кружок в твоём городе по сфере ИТ.');
    expect(within(club).getByRole('link', { name: 'Кружок робототехники' })).toHaveAttribute('href', `/opportunities/${OPPORTUNITY_ID}`);

    const profession = screen.getByRole('article', { name: 'Программист' });
    expect(profession).toHaveTextContent('Связана с компетенцией «Веб-разработка», где у тебя высокий балл.');
    // The level of education in words, never its code.
    expect(profession).toHaveTextContent('Среднее профессиональное (колледж)');
    expect(profession).not.toHaveTextContent('spo');
    expect(profession).toHaveTextContent('09.02.07 — Информационные системы и программирование');
  });

  it('hides an item on «Не интересно» and brings it back on undo', async () => {
    let dismissed = false;
    const shown = () => recommendations(dismissed ? { professions: [] } : {});
    const fetchMock = mockApi({
      'GET /api/recommendations/me': () => ({ body: shown() }),
      'POST /api/recommendations/me/dismissals': () => {
        dismissed = true;
        return {};
      },
      'DELETE /api/recommendations/me/dismissals/profession/12': () => {
        dismissed = false;
        return {};
      },
    });
    const user = userEvent.setup();
    renderPage(<PupilRecommendationsPage />, { path: '/participant/recommendations' });

    await user.click(await screen.findByRole('button', { name: 'Не интересно: Программист' }));
    expect(await screen.findByText('«Программист» больше не будет предлагаться.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/recommendations/me/dismissals')).toEqual([{ kind: 'profession', itemId: '12' }]);
    expect(await screen.findByText('Профессии появятся, когда картина о тебе станет точнее.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Вернуть: Программист' }));
    expect(await screen.findByRole('article', { name: 'Программист' })).toBeInTheDocument();
    expect(screen.queryByText('«Программист» больше не будет предлагаться.')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'DELETE /api/recommendations/me/dismissals/profession/12')).toHaveLength(1);
  });

  it('sends a pupil without tests to the first test and says why lists are empty', async () => {
    const empty = recommendations({ tests: [], events: [], opportunities: [], professions: [] });
    mockApi({
      'GET /api/recommendations/me': {
        body: { ...empty, profile: { ...empty.profile, spheres: [], testsCompleted: 0, trialsAttended: 0, confidence: 'none', summary: 'Пока нет ни одного теста.' } },
      },
    });
    renderPage(<PupilRecommendationsPage />, { path: '/participant/recommendations' });

    expect(await screen.findByText('Начни с первого теста')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Выбрать тест' })).toHaveAttribute('href', '/participant/diagnostics');
    expect(screen.getByRole('link', { name: 'каталог мероприятий' })).toHaveAttribute('href', '/participant/events/catalogue');
    expect(screen.getByText('Подходящих возможностей пока нет — регион добавляет их постепенно.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('a parent’s view of a child’s recommendations', () => {
  it('reads the same items with reasons, addressed with «вы», and offers no actions', async () => {
    mockApi({
      'GET /api/pupils/c1/recommendations': { body: recommendations() },
      'GET /api/parent/cabinet': { body: { children: [{ id: 'c1', lastName: 'Иванов', firstName: 'Артём', middleName: null }] } },
    });
    renderPage(<ParentRecommendationsPage />, { path: '/parent/children/:childId/recommendations', url: '/parent/children/c1/recommendations' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Рекомендации: Иванов Артём' })).toBeInTheDocument();
    expect(await screen.findByText('Что известно о ребёнке')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Проба: веб-разработчик' })).toHaveTextContent('Интерес к ИТ по трём тестам и оценка наставника 5.');
    expect(screen.getByRole('article', { name: 'Кружок робототехники' })).toHaveTextContent('Кружок в твоём городе по сфере ИТ.');
    expect(screen.queryByRole('button', { name: /Не интересно/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Пройти/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Записаться/ })).not.toBeInTheDocument();
  });
});

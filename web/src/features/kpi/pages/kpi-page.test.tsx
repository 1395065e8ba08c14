import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@common/roles.js';
import { FEDERAL_REF, REGION_REF, SCHOOL_ID, SCHOOL_REF, childRow, childTable, kpiDashboard } from '@web/test/kpi-fixtures';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { KpiPage } from './kpi-page';

afterEach(() => vi.unstubAllGlobals());

const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: { account: { id: 'c1', role, status: 'active', firstName: 'Ольга', lastName: 'Смирнова', emailVerified: true, gate: null, regionId: 43, schoolId: null, venueId: null } },
  },
});

const OWN = { path: '/staff/kpi' };
const drillDown = (url: string) => ({ path: '/staff/kpi/:level/:id?', url });
const PERIOD = 'season=2&from=2026-09-01&to=2026-12-06';

describe('KPI dashboard', () => {
  it('shows each figure by its unit against its target, with the status in words and how fresh it is', async () => {
    mockApi({ ...session('regional_coordinator'), 'GET /api/kpi/dashboard': { body: kpiDashboard() } });
    renderPage(<KpiPage />, OWN);

    expect(await screen.findByRole('heading', { level: 1, name: 'Показатели: Кировская область' })).toBeInTheDocument();
    expect(screen.getByText(/Показатели обновляются раз в 5 минут\./)).toBeInTheDocument();
    const figures = screen.getByRole('region', { name: 'Показатели за период' });
    const card = (name: string) => within(figures).getByRole('heading', { level: 3, name }).closest('li')!;

    expect(within(card('Зарегистрировано участников')).getByText('1 500')).toBeInTheDocument();
    expect(within(card('Зарегистрировано участников')).getByText('Цель: 2 000')).toBeInTheDocument();
    expect(within(card('Зарегистрировано участников')).getByText('близко к цели')).toBeInTheDocument();
    // No-shows: a share in per cent, and the target is a ceiling.
    expect(within(card('Доля неявок')).getByText('12,5 %')).toBeInTheDocument();
    expect(within(card('Доля неявок')).getByText('Цель: не больше 10 %')).toBeInTheDocument();
    expect(within(card('Тестов на участника')).getByText('2,5')).toBeInTheDocument();
    expect(within(card('Тестов на участника')).getByText('Цель не задана')).toBeInTheDocument();
    expect(within(card('Тестов на участника')).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(card('Часы профориентации на участника')).getByText('12,5 ч')).toBeInTheDocument();
    expect(within(figures).getByRole('progressbar', { name: 'Часы профориентации на участника: 12,5 ч, цель: 40 ч, отстаёт' })).toHaveAttribute('aria-valuenow', '31');
    expect(within(card('Прошли диагностику')).getByText('выполнено')).toBeInTheDocument();
  });

  it('explains a figure from a button that opens by keyboard', async () => {
    mockApi({ ...session('regional_coordinator'), 'GET /api/kpi/dashboard': { body: kpiDashboard({ children: [] }) } });
    renderPage(<KpiPage />, OWN);
    const user = userEvent.setup();

    const help = await screen.findByRole('button', { name: 'Что значит «Доля неявок»' });
    help.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Какая доля записанных не пришла на мероприятие.')).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('Какая доля записанных не пришла на мероприятие.')).not.toBeInTheDocument());
    expect(help).toHaveFocus();
  });

  it('keeps the season and the period in the address and asks for them', async () => {
    const fetch = mockApi({
      ...session('regional_coordinator'),
      'GET /api/kpi/dashboard': { body: kpiDashboard({ children: [] }) },
      'GET /api/kpi/dashboard?season=1': {
        body: kpiDashboard({ children: [], season: { id: 1, name: '2025/26', startsOn: '2025-09-01', endsOn: '2026-05-31', current: false }, period: { from: '2025-09-01', to: '2026-05-31' } }),
      },
      'GET /api/kpi/dashboard?season=1&from=2025-10-01&to=2026-05-31': {
        body: kpiDashboard({ children: [], season: { id: 1, name: '2025/26', startsOn: '2025-09-01', endsOn: '2026-05-31', current: false }, period: { from: '2025-10-01', to: '2026-05-31' } }),
      },
    });
    renderPage(<KpiPage />, OWN);
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Сезон' }), '1');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff/kpi?season=1'));
    expect(await screen.findByText(/сезон 2025\/26/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Начало периода'), { target: { value: '2025-10-01' } });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/staff/kpi?season=1&from=2025-10-01&to=2026-05-31'));
    expect(await screen.findByText(/сезон 2025\/26, 1 октября 2025/)).toBeInTheDocument();
    expect(callsTo(fetch, 'GET /api/kpi/dashboard?season=1&from=2025-10-01&to=2026-05-31')).toHaveLength(1);

    // A period that ends before it starts is said, not asked for.
    fireEvent.change(screen.getByLabelText('Конец периода'), { target: { value: '2025-09-15' } });
    expect(await screen.findByText('Конец периода раньше его начала')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/staff/kpi?season=1&from=2025-10-01&to=2026-05-31');
  });

  it('links each row to its dashboard and shows more rows by the cursor', async () => {
    const more = kpiDashboard({
      children: [
        childTable({
          kind: 'schools',
          title: 'Школы',
          rows: [childRow({ level: 'school', id: '1b2c3d4e-0000-4000-8000-000000000002', name: 'Школа № 3' }, [10, null])],
          nextCursor: null,
        }),
      ],
    });
    mockApi({
      ...session('regional_coordinator'),
      'GET /api/kpi/dashboard': { body: kpiDashboard() },
      [`GET /api/kpi/dashboard?level=region&id=43&${PERIOD}&cursor=c1`]: { body: more },
    });
    renderPage(<KpiPage />, OWN);

    const schools = await screen.findByRole('region', { name: 'Школы' });
    expect(within(schools).getByRole('link', { name: 'Лицей № 21' })).toHaveAttribute('href', `/staff/kpi/school/${SCHOOL_ID}`);
    expect(within(schools).getByText('Показано: 1 строка, есть ещё')).toBeInTheDocument();
    await userEvent.click(within(schools).getByRole('button', { name: 'Показать ещё' }));

    expect(await within(schools).findByRole('link', { name: 'Школа № 3' })).toBeInTheDocument();
    expect(within(schools).getByRole('link', { name: 'Лицей № 21' })).toBeInTheDocument();
    expect(within(schools).getByText('Показано: 2 строки')).toBeInTheDocument();
    expect(within(schools).queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
  });

  it('starts the rows over from the first page once saved targets change the table', async () => {
    const moreRow = childRow({ level: 'school', id: '1b2c3d4e-0000-4000-8000-000000000002', name: 'Школа № 3' }, [10, null]);
    const saved = kpiDashboard();
    saved.children[0]!.rows[0]!.targets = [400, 0.1];
    let dashboards = 0;
    mockApi({
      ...session('regional_coordinator'),
      'GET /api/kpi/dashboard': () => ({ body: ++dashboards === 1 ? kpiDashboard() : saved }),
      [`GET /api/kpi/dashboard?level=region&id=43&${PERIOD}&cursor=c1`]: { body: kpiDashboard({ children: [childTable({ kind: 'schools', title: 'Школы', rows: [moreRow] })] }) },
      'PUT /api/kpi/targets': { body: { ok: true } },
    });
    renderPage(<KpiPage />, OWN);
    const user = userEvent.setup();

    const schools = await screen.findByRole('region', { name: 'Школы' });
    await user.click(within(schools).getByRole('button', { name: 'Показать ещё' }));
    expect(await within(schools).findByRole('link', { name: 'Школа № 3' })).toBeInTheDocument();

    await user.click(within(schools).getByRole('button', { name: 'Цели: Лицей № 21' }));
    const dialog = await screen.findByRole('dialog', { name: 'Цели: Лицей № 21' });
    await user.clear(within(dialog).getByLabelText('Зарегистрировано участников'));
    await user.type(within(dialog).getByLabelText('Зарегистрировано участников'), '400');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));

    expect(await within(schools).findByText('цель 400')).toBeInTheDocument();
    expect(within(schools).queryByRole('link', { name: 'Школа № 3' })).not.toBeInTheDocument();
    expect(within(schools).getByText('Показано: 1 строка, есть ещё')).toBeInTheDocument();
  });

  it('shows a navigator its pupils by stage with their counts, and a table of a kind it does not know', async () => {
    const navigator = { level: 'navigator', id: '5a5a5a5a-0000-4000-8000-000000000009', name: 'Иванова Анна Петровна' } as const;
    mockApi({
      ...session('navigator'),
      'GET /api/kpi/dashboard': {
        body: kpiDashboard({
          scope: navigator,
          path: [FEDERAL_REF, REGION_REF, SCHOOL_REF, navigator],
          children: [
            childTable({ kind: 'stages', title: 'Ученики по этапам', metrics: [], rows: [childRow(null, [], null, { note: 'Прошли диагностику', count: 12 })] }),
            childTable({ kind: 'mentors' as 'events', title: 'Наставники', rows: [childRow(null, [4, null], null, { note: 'Смирнов О. П.' })] }),
          ],
        }),
      },
    });
    renderPage(<KpiPage />, OWN);

    const stages = await screen.findByRole('region', { name: 'Ученики по этапам' });
    const row = within(stages).getByRole('rowheader', { name: 'Прошли диагностику' }).closest('tr')!;
    expect(within(row).getByRole('cell', { name: '12' })).toBeInTheDocument();
    expect(within(stages).getByRole('columnheader', { name: 'Участников' })).toBeInTheDocument();
    const mentors = screen.getByRole('region', { name: 'Наставники' });
    expect(within(mentors).getByRole('rowheader', { name: 'Смирнов О. П.' })).toBeInTheDocument();
    // Scopes above the navigator's own are named, not linked.
    const crumbs = screen.getByRole('navigation', { name: 'Уровни показателей' });
    expect(within(crumbs).queryByRole('link')).not.toBeInTheDocument();
    expect(within(crumbs).getByText('Лицей № 21')).toBeInTheDocument();
  });

  it('drills down into a school with breadcrumbs from the caller\'s own scope, and offers its files', async () => {
    const school = kpiDashboard({ scope: SCHOOL_REF, path: [FEDERAL_REF, REGION_REF, SCHOOL_REF], children: [childTable({ kind: 'classes', title: 'Классы' })] });
    mockApi({ ...session('regional_coordinator'), [`GET /api/kpi/dashboard?level=school&id=${SCHOOL_ID}`]: { body: school } });
    renderPage(<KpiPage />, drillDown(`/staff/kpi/school/${SCHOOL_ID}`));

    expect(await screen.findByRole('heading', { level: 1, name: 'Показатели: Лицей № 21' })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Уровни показателей' });
    expect(within(crumbs).getByRole('link', { name: 'Кировская область' })).toHaveAttribute('href', '/staff/kpi');
    expect(within(crumbs).queryByRole('link', { name: 'Вся программа' })).not.toBeInTheDocument();
    expect(within(crumbs).getByText('Лицей № 21')).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('button', { name: 'Изменить цели' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Скачать' }));
    const scope = `level=school&id=${SCHOOL_ID}&${PERIOD}`;
    expect(await screen.findByRole('link', { name: 'Показатели: XLSX' })).toHaveAttribute('href', `/api/kpi/export?${scope}&table=figures&format=xlsx`);
    expect(screen.getByRole('link', { name: 'Классы: CSV (Windows-1251)' })).toHaveAttribute('href', `/api/kpi/export?${scope}&table=children&format=csv-1251`);
    expect(screen.getByRole('link', { name: 'По неделям: CSV' })).toHaveAttribute('href', `/api/kpi/export?${scope}&table=weekly&format=csv`);
    expect(screen.getByRole('link', { name: 'Отчёт за сезон (PDF)' })).toHaveAttribute('href', `/api/kpi/report?level=school&id=${SCHOOL_ID}&season=2`);
  });

  it('offers no season report for a venue', async () => {
    const venue = { level: 'venue', id: '6b6b6b6b-0000-4000-8000-000000000001', name: 'Кванториум' } as const;
    mockApi({ ...session('venue'), 'GET /api/kpi/dashboard': { body: kpiDashboard({ scope: venue, path: [FEDERAL_REF, REGION_REF, venue], children: [] }) } });
    renderPage(<KpiPage />, OWN);

    await userEvent.click(await screen.findByRole('button', { name: 'Скачать' }));
    expect(await screen.findByRole('link', { name: 'Показатели: CSV' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Отчёт за сезон (PDF)' })).not.toBeInTheDocument();
  });

  it('sets a school\'s targets with shares in per cent, checking them first and showing the server\'s refusal', async () => {
    let attempt = 0;
    const fetch = mockApi({
      ...session('regional_coordinator'),
      'GET /api/kpi/dashboard': { body: kpiDashboard() },
      'PUT /api/kpi/targets': () =>
        ++attempt === 1
          ? { status: 400, body: { error: { code: 'validation', message: 'Проверьте цели', fields: { 'targets.pupils_registered': 'Слишком большая цель' } } } }
          : { body: { ok: true } },
    });
    renderPage(<KpiPage />, OWN);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Цели: Лицей № 21' }));
    const dialog = await screen.findByRole('dialog', { name: 'Цели: Лицей № 21' });
    const registered = within(dialog).getByLabelText('Зарегистрировано участников');
    const noShows = within(dialog).getByLabelText('Доля неявок, %');
    expect(registered).toHaveValue('250');
    expect(noShows).toHaveValue('10');

    await user.clear(noShows);
    await user.type(noShows, '120');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Доля не может быть больше 100 %')).toBeInTheDocument();
    expect(callsTo(fetch, 'PUT /api/kpi/targets')).toHaveLength(0);

    await user.clear(noShows);
    await user.type(noShows, '7,5');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Слишком большая цель')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Проверьте цели');

    await user.clear(registered);
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(fetch, 'PUT /api/kpi/targets')).toEqual([
      { season: 2, level: 'school', id: SCHOOL_ID, targets: { pupils_registered: 250, no_show_rate: 0.075 } },
      { season: 2, level: 'school', id: SCHOOL_ID, targets: { pupils_registered: null, no_show_rate: 0.075 } },
    ]);
  });

  it('lets the issuer change a region\'s own targets from its page', async () => {
    mockApi({
      ...session('issuer_admin'),
      [`GET /api/kpi/dashboard?level=region&id=43`]: { body: kpiDashboard({ targetsEditable: true, children: [] }) },
    });
    renderPage(<KpiPage />, drillDown('/staff/kpi/region/43'));

    await userEvent.click(await screen.findByRole('button', { name: 'Изменить цели' }));
    const dialog = await screen.findByRole('dialog', { name: 'Цели: Кировская область' });
    expect(within(dialog).getByLabelText('Часы профориентации на участника')).toHaveValue('40');
    const crumbs = screen.getByRole('navigation', { name: 'Уровни показателей' });
    expect(within(crumbs).getByRole('link', { name: 'Вся программа' })).toHaveAttribute('href', '/staff/kpi');
  });

  it('shows the issuer the federal districts with their regions\' status', async () => {
    const region = (id: string, name: string, district: 'central' | 'volga', status: 'met' | 'behind') =>
      childRow({ level: 'region', id, name }, [status === 'met' ? 2 : 1, null], [2, null], { district, note: district === 'volga' ? 'Приволжский ФО' : 'Центральный ФО' });
    mockApi({
      ...session('issuer_admin'),
      'GET /api/kpi/dashboard': {
        body: kpiDashboard({
          scope: FEDERAL_REF,
          path: [FEDERAL_REF],
          children: [childTable({ kind: 'regions', title: 'Регионы', rows: [region('43', 'Кировская область', 'volga', 'behind'), region('77', 'Москва', 'central', 'met')] })],
        }),
      },
    });
    renderPage(<KpiPage />, OWN);

    const grid = await screen.findByRole('region', { name: 'Федеральные округа' });
    const volga = within(grid).getByRole('heading', { name: 'Приволжский федеральный округ' }).closest('li')!;
    expect(within(volga).getByText('Регионов: 1, отстают: 1')).toBeInTheDocument();
    expect(within(volga).getByRole('link', { name: 'Кировская область' })).toHaveAttribute('href', '/staff/kpi/region/43');
    expect(within(volga).getByText('отстаёт')).toBeInTheDocument();
    expect(within(grid).getByRole('heading', { name: 'Дальневосточный федеральный округ' }).closest('li')).toHaveTextContent('Регионов в таблице нет');
    expect(within(screen.getByRole('region', { name: 'Регионы' })).getByText('Приволжский ФО')).toBeInTheDocument();
  });

  it('reads the weeks from a table for screen readers', async () => {
    mockApi({ ...session('regional_coordinator'), 'GET /api/kpi/dashboard': { body: kpiDashboard({ children: [] }) } });
    renderPage(<KpiPage />, OWN);

    const table = await screen.findByRole('table', { name: 'Показатели по неделям' });
    const week = within(table).getByRole('rowheader', { name: '30 ноября 2026' }).closest('tr')!;
    expect(within(week).getAllByRole('cell').map((c) => c.textContent)).toEqual(['140', '95']);
    expect(screen.getByRole('combobox', { name: 'Показатель на графике' })).toHaveValue('pupils_registered');
  });

  it('turns a table into cards on a phone', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query.includes('max-width'), media: query, addEventListener: vi.fn(), removeEventListener: vi.fn(), addListener: vi.fn(), removeListener: vi.fn(), onchange: null, dispatchEvent: vi.fn() }) as MediaQueryList,
    );
    mockApi({ ...session('regional_coordinator'), 'GET /api/kpi/dashboard': { body: kpiDashboard() } });
    renderPage(<KpiPage />, OWN);

    const schools = await screen.findByRole('region', { name: 'Школы' });
    expect(within(schools).queryByRole('table')).not.toBeInTheDocument();
    const card = within(schools).getByRole('link', { name: 'Лицей № 21' }).closest('li')!;
    expect(within(card).getByText('Доля неявок')).toBeInTheDocument();
    expect(within(card).getByText('30 %')).toBeInTheDocument();
    expect(within(card).getByText('отстаёт')).toBeInTheDocument();
  });

  it('says so when the scope is not the caller\'s', async () => {
    mockApi({
      ...session('regional_coordinator'),
      'GET /api/kpi/dashboard?level=region&id=77': { status: 404, body: { error: { code: 'not_found', message: 'Регион не найден' } } },
    });
    renderPage(<KpiPage />, drillDown('/staff/kpi/region/77'));

    expect(await screen.findByText('Регион не найден')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });
});

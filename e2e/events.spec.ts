import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { choose, registerInvitedChild } from './forms.js';
import { answerToTheEnd, signInAsDemoPupil, startTestFromCatalogue } from './pupil.js';
import { birthDateForAge, DEMO_PASSWORD, expectNoSeriousA11yViolations, linkFromMailbox, newCitizen, saveScreenshot, signInAtEsiaEmulator, uniqueEmail, validSnils } from './support.js';
import { signInAsStaff } from './staff.js';

const VENUE_NAME = 'Колледж технологий и сервиса «Вятка»';
const DEMO_TRIAL = 'Токарное дело: выточи свою первую деталь';
const DEMO_CHILD = 'Артём';
/** The shortest test whose every question is a single choice, so any pupil can finish it by clicking. */
const SHORT_TEST = 'Какой я в деле';

// ---------------------------------------------------------------------------------------------
// People

type StaffEmail = 'venue@bilet.demo' | 'coordinator@bilet.demo' | 'school@bilet.demo' | 'mentor@bilet.demo';

/**
 * Staff sessions are kept for the whole file: the coordinator's second factor accepts each
 * 30-second code once, so signing in again for every test would mostly be waiting for the clock.
 */
const staffStates = new Map<StaffEmail, Awaited<ReturnType<BrowserContext['storageState']>>>();

async function staff(browser: Browser, email: StaffEmail): Promise<Page> {
  const saved = staffStates.get(email);
  const context = await browser.newContext(saved ? { storageState: saved } : {});
  const page = await context.newPage();
  if (!saved) {
    await signInAsStaff(page, email, DEMO_PASSWORD);
    staffStates.set(email, await context.storageState());
  }
  return page;
}

async function signInAsPupil(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsDemoPupil(page);
  return page;
}

/** The demo parent in the ESIA emulator, from wherever the platform sent them to sign in. */
async function chooseDemoParentAtEsia(page: Page): Promise<void> {
  await page.getByRole('listitem').filter({ hasText: 'Иванова Мария' }).getByRole('button', { name: 'Войти' }).click();
}

async function signInAsDemoParent(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await chooseDemoParentAtEsia(page);
  await expect(page).toHaveURL(/\/parent$/);
  return page;
}

/** The pupil takes the short test as a pupil would, in the diagnostics section of the cabinet. */
async function takeShortTest(pupil: Page): Promise<void> {
  await startTestFromCatalogue(pupil, SHORT_TEST);
  await answerToTheEnd(pupil);
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
}

/**
 * The seed gives the demo pupil no finished test, and enrolment needs one ('tested'). The pupil's
 * own card of the demo trial says whether that condition holds, so a test earlier in the run is
 * not taken twice.
 */
async function ensureDemoPupilTested(pupil: Page): Promise<void> {
  const catalogue = await pupil.request.get('/api/events/catalogue?pageSize=50');
  expect(catalogue.ok()).toBe(true);
  const { items } = (await catalogue.json()) as { items: Array<{ id: string; title: string }> };
  const trial = items.find((e) => e.title === DEMO_TRIAL);
  expect(trial, 'the demo trial in the catalogue').toBeTruthy();
  const card = (await (await pupil.request.get(`/api/events/${trial!.id}`)).json()) as { children: Array<{ checks: Array<{ condition: string; ok: boolean }> }> };
  const tested = card.children[0]!.checks.find((c) => c.condition === 'tested')!.ok;
  if (!tested) await takeShortTest(pupil);
}

interface Family {
  parent: Page;
  kid: Page;
  childFirstName: string;
}

/**
 * A new family the quickest way a real one gets in: the parent through Госуслуги, the child by
 * the parent's invitation. The consent is left to the caller, as some tests look at its absence.
 */
async function registerFamily(browser: Browser, grade: number, beforeInvite?: (parent: Page) => Promise<void>, school?: string): Promise<Family> {
  const citizen = newCitizen();
  const childEmail = uniqueEmail('kid');
  const childFirstName = 'Лев';
  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/signin');
  await parent.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await signInAtEsiaEmulator(parent, citizen);
  await expect(parent).toHaveURL(/\/parent\/confirm/);
  await parent.getByRole('button', { name: 'Всё верно, продолжить' }).click();
  await expect(parent).toHaveURL(/\/parent$/);
  if (beforeInvite) await beforeInvite(parent);

  const invite = parent.locator('form', { has: parent.getByRole('button', { name: 'Пригласить' }) }).first();
  await invite.getByRole('textbox').first().fill(childEmail);
  await invite.getByRole('button', { name: 'Пригласить' }).click();
  await expect(parent.getByText(childEmail).first()).toBeVisible();

  const kid = await (await browser.newContext()).newPage();
  await kid.goto(await linkFromMailbox(kid.request, childEmail, /Приглашение/, '/register'));
  await registerInvitedChild(kid, { lastName: 'Белов', firstName: childFirstName, middleName: 'Олегович', birthDate: birthDateForAge(grade + 6), grade, snils: validSnils(), school }, childEmail);
  return { parent, kid, childFirstName };
}

async function giveConsent(parent: Page): Promise<void> {
  await parent.goto('/parent');
  await parent.getByRole('button', { name: 'Дать согласие' }).first().click();
  await expect(parent.getByRole('button', { name: 'Отозвать согласие' }).first()).toBeVisible();
}

// ---------------------------------------------------------------------------------------------
// Time: events are planned in Moscow time, the way the venue's form and the cards show them.

function moscow(instant: Date): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.day}.${parts.month}.${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

/** `days` ahead at a Moscow hour; tests use different hours so the demo pupil's events never clash. */
function daysAhead(days: number, moscowHour: number): Date {
  const d = new Date(Date.now() + days * 24 * 3600_000);
  d.setUTCHours(moscowHour - 3, 0, 0, 0);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Events set up through the staff's own API with their signed-in cookies, for the tests whose
// journey starts after the workflow (the workflow itself is walked through in the UI in test 1).

interface FormOptions {
  competencies: Array<{ id: number; name: string }>;
  places: Array<{ id: string }>;
  mentors: Array<{ id: string; name: string }>;
  schools: Array<{ id: string; name: string }>;
}

interface StaffEvent {
  id: string;
  school: { id: string; name: string } | null;
  link: { url: string } | null;
}

async function ok<T>(response: Awaited<ReturnType<Page['request']['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The demo pupil's school: the one the seed's lesson is held at. */
async function demoSchool(venue: Page): Promise<{ id: string; name: string }> {
  const list = await ok<{ items: Array<{ id: string; title: string }> }>(await venue.request.get('/api/staff/events?pageSize=100'));
  const lesson = list.items.find((e) => e.title === 'Урок мастерства: 3D-моделирование');
  expect(lesson, 'the demo lesson').toBeTruthy();
  const detail = await ok<StaffEvent>(await venue.request.get(`/api/staff/events/${lesson!.id}`));
  return detail.school!;
}

interface Planned {
  title: string;
  startsAt: Date;
  capacity: number;
  lesson: boolean;
  gradeFrom?: number;
  gradeTo?: number;
}

/** Created by the venue, approved by the coordinator, published by the venue; a lesson gets its link. */
async function publishedEvent(venue: Page, coordinator: Page, plan: Planned): Promise<{ id: string; linkPath: string | null }> {
  const options = await ok<FormOptions>(await venue.request.get('/api/staff/events/form-options'));
  const competency = options.competencies.find((c) => c.name === (plan.lesson ? 'Аддитивное производство' : 'Токарные работы на станках с ЧПУ'))!;
  const mentor = options.mentors.find((m) => m.name.includes('Зайцева'))!;
  const school = plan.lesson ? await demoSchool(venue) : null;
  const { ids } = await ok<{ ids: string[] }>(
    await venue.request.post('/api/staff/events', {
      data: {
        competencyId: competency.id,
        format: plan.lesson ? 'school_lesson' : 'in_person',
        title: plan.title,
        description: 'Наставник покажет, как устроена работа, и каждый попробует сам под присмотром.',
        placeId: plan.lesson ? null : options.places[0]!.id,
        videoUrl: null,
        schoolId: school?.id ?? null,
        durationMinutes: plan.lesson ? 45 : 60,
        capacity: plan.capacity,
        gradeFrom: plan.gradeFrom ?? 6,
        gradeTo: plan.gradeTo ?? 11,
        difficulty: 'basic',
        ovzSuitable: false,
        ovzNotes: null,
        mentorIds: [mentor.id],
        startsAt: [plan.startsAt.toISOString()],
      },
    }),
  );
  const id = ids[0]!;
  await ok(await venue.request.post(`/api/staff/events/${id}/submit`));
  await ok(await coordinator.request.post(`/api/staff/events/${id}/approve`));
  await ok(await venue.request.post(`/api/staff/events/${id}/publish`));
  const detail = await ok<StaffEvent>(await venue.request.get(`/api/staff/events/${id}`));
  return { id, linkPath: detail.link ? new URL(detail.link.url).pathname : null };
}

const checklist = (page: Page) => page.getByRole('list', { name: 'Условия записи' });

// ---------------------------------------------------------------------------------------------

test('seed 000: a venue creates a lesson, the coordinator approves, the venue publishes; the school passes the link on and a parent enrols the child through Госуслуги', async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `Урок мастерства: печать на 3D-принтере ${Date.now().toString(36)}`;
  const start = daysAhead(1, 10);
  const { day, time } = moscow(start);

  const venue = await staff(browser, 'venue@bilet.demo');
  const school = await demoSchool(venue);
  await venue.goto('/staff/events/new');
  await expect(venue.getByRole('heading', { name: 'Новое мероприятие' })).toBeVisible();
  await venue.getByLabel('Название', { exact: true }).fill(title);
  await choose(venue, 'Компетенция', 'Аддитивное производство', 'Аддитив');
  await choose(venue, 'Уровень сложности', 'Начальный уровень');
  await venue.getByLabel('Описание', { exact: true }).fill('Наставник на связи из лаборатории: класс построит модель и увидит, как принтер печатает её слой за слоем.');
  await venue.getByText('Урок профессионального мастерства в школе', { exact: true }).click();
  await choose(venue, 'Школа, где пройдёт урок', school.name);
  await venue.getByLabel('Дата (первая, если мероприятие повторяется)').fill(day);
  await venue.getByLabel('Время начала').fill(time);
  // A lesson always lasts 45 minutes: the form sets it and does not let it change.
  await expect(venue.getByLabel('Продолжительность, минут')).toHaveValue('45');
  await expect(venue.getByLabel('Продолжительность, минут')).toHaveAttribute('readonly', '');
  await venue.getByLabel('Количество мест').fill('15');
  await venue.getByLabel('С какого класса').fill('6');
  await venue.getByLabel('По какой класс').fill('9');
  await venue.getByRole('textbox', { name: 'Наставники' }).or(venue.getByLabel('Наставники')).first().click();
  await venue.getByRole('option', { name: /Зайцева/ }).click();
  await venue.getByLabel('Название', { exact: true }).click();
  await expectNoSeriousA11yViolations(venue);
  await saveScreenshot(venue, 'events-venue-form');
  await venue.getByRole('button', { name: 'Создать' }).click();
  await expect(venue).toHaveURL(/\/staff\/events\/[0-9a-f-]{36}$/);
  const eventUrl = new URL(venue.url()).pathname;
  await expect(venue.getByRole('heading', { name: title })).toBeVisible();
  await expect(venue.getByText('Черновик').first()).toBeVisible();
  await venue.getByRole('button', { name: 'Отправить на согласование' }).click();
  await expect(venue.getByText('На согласовании').first()).toBeVisible();

  const coordinator = await staff(browser, 'coordinator@bilet.demo');
  await coordinator.goto(eventUrl);
  await expect(coordinator.getByRole('button', { name: 'Вернуть на доработку' })).toBeVisible();
  await coordinator.getByRole('button', { name: 'Согласовать' }).click();
  await expect(coordinator.getByText('Согласовано').first()).toBeVisible();

  await venue.reload();
  await venue.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(venue.getByText('Опубликовано').first()).toBeVisible();
  const linkBlock = venue.getByRole('region', { name: 'Ссылка для регистрации' });
  await expect(linkBlock.getByRole('img', { name: 'QR-код ссылки для записи на урок' })).toBeVisible();
  const linkUrl = (await linkBlock.locator('code').innerText()).trim();
  expect(linkUrl).toMatch(/\/e\/[A-Za-z0-9_-]+$/);
  await saveScreenshot(venue, 'events-lesson-link');

  const schoolStaff = await staff(browser, 'school@bilet.demo');
  await schoolStaff.goto(eventUrl);
  const schoolBlock = schoolStaff.getByRole('region', { name: 'Ссылка для регистрации' });
  await expect(schoolBlock.locator('code')).toHaveText(linkUrl);
  await expect(schoolBlock.getByRole('img', { name: 'QR-код ссылки для записи на урок' })).toBeVisible();
  // The school was sent the link, with its QR code, when the coordinator approved the lesson.
  expect(await linkFromMailbox(schoolStaff.request, 'school@bilet.demo', new RegExp(`^Ссылка для записи на урок «${title}»$`), '/e/')).toBe(new URL(linkUrl).pathname);

  const pupil = await signInAsPupil(browser);
  await ensureDemoPupilTested(pupil);

  // The parent follows the link from a messenger, signed out: the lesson's card comes first, with
  // why to sign in; a cancel at Госуслуги comes back to it with a plain message.
  const parent = await (await browser.newContext()).newPage();
  const linkPath = new URL(linkUrl).pathname;
  await parent.goto(linkPath);
  await expect(parent.getByRole('heading', { name: title })).toBeVisible();
  await expect(parent.getByText(/Записать ребёнка может родитель, вошедший через Госуслуги/)).toBeVisible();
  const signIn = parent.getByRole('link', { name: 'Войти через Госуслуги' });
  await signIn.click();
  await parent.getByRole('button', { name: 'Отмена' }).click();
  await expect(parent).toHaveURL(new RegExp(`${linkPath}\\?esia=`));
  await expect(parent.getByText('Вход через Госуслуги отменён')).toBeVisible();
  await expect(parent.getByRole('heading', { name: title })).toBeVisible();
  await signIn.click();
  await chooseDemoParentAtEsia(parent);
  await expect(parent).toHaveURL(new RegExp(`${linkPath}$`));
  await expect(parent.getByRole('heading', { name: title })).toBeVisible();
  await expect(parent.getByText('Аддитивное производство').first()).toBeVisible();
  await expect(parent.getByText(VENUE_NAME)).toBeVisible();
  await expect(parent.getByText(school.name).first()).toBeVisible();
  await expect(parent.getByText(new RegExp(`${time}–`))).toBeVisible();
  await expect(parent.getByText('45 минут', { exact: true })).toBeVisible();
  await expect(parent.getByText('Свободно 15 мест из 15')).toBeVisible();
  await expect(parent.getByText('Анна Зайцева', { exact: true })).toBeVisible();
  await expect(checklist(parent).getByText('Ребёнок прошёл хотя бы один онлайн-тест')).toBeVisible();
  await expect(checklist(parent).getByText('Не выполнено:')).toHaveCount(0);
  await expectNoSeriousA11yViolations(parent);
  await saveScreenshot(parent, 'events-link-card');
  await parent.getByRole('button', { name: 'Записать ребенка' }).click();
  const done = parent.getByRole('status').filter({ hasText: 'Ребёнок записан' });
  await expect(done).toContainText(title);
  await expect(parent.getByRole('link', { name: 'Добавить в календарь' })).toBeVisible();

  await parent.goto('/parent');
  const parentItem = parent.getByRole('article', { name: title });
  await expect(parentItem).toBeVisible();
  await expect(parentItem.getByText('Записан', { exact: true })).toBeVisible();

  await pupil.goto('/participant/events');
  await expect(pupil.getByRole('tab', { name: 'Запланированные' })).toHaveAttribute('aria-selected', 'true');
  const pupilItem = pupil.getByRole('article', { name: title });
  await expect(pupilItem).toBeVisible();
  await expect(pupilItem.getByText('Записан', { exact: true })).toBeVisible();

  // Another lesson at the same hour: the child is already enrolled then ('no_clash').
  const clash = await publishedEvent(venue, coordinator, { title: `Урок мастерства в то же время ${Date.now().toString(36)}`, startsAt: start, capacity: 15, lesson: true });
  await parent.goto(clash.linkPath!);
  await expect(checklist(parent).getByText('В это время ребёнок уже записан на другое мероприятие')).toBeVisible();
  await expect(checklist(parent).getByText('Что сделать: Отмените ту запись или выберите другое время')).toBeVisible();
  await expect(parent.getByRole('button', { name: 'Записать ребенка' })).toBeDisabled();

  // «Выйти» on the card leads to the landing page, not back to Госуслуги.
  await parent.getByRole('button', { name: 'Выйти' }).first().click();
  await expect(parent).toHaveURL(/\/$/);
  await expect(parent).not.toHaveURL(/esia/);
});

test('the link card names each failing condition with its remedy, and «Записать ребенка» stays disabled', async ({ browser }) => {
  test.setTimeout(240_000);
  const venue = await staff(browser, 'venue@bilet.demo');
  const coordinator = await staff(browser, 'coordinator@bilet.demo');
  // For older pupils only, so a 7th-grader also fails 'grade'.
  const { linkPath } = await publishedEvent(venue, coordinator, { title: `Урок мастерства для старших ${Date.now().toString(36)}`, startsAt: daysAhead(3, 9), capacity: 15, lesson: true, gradeFrom: 9, gradeTo: 11 });

  // A parent with no child in the cabinet yet ('linked') is sent to link one first.
  const family = await registerFamily(browser, 7, async (alone) => {
    await alone.goto(linkPath!);
    await expect(alone.getByText(/В вашем кабинете пока нет ни одного ребёнка/)).toBeVisible();
    await expect(alone.getByRole('button', { name: 'Записать ребенка' })).toHaveCount(0);
    await alone.goto('/parent');
  });
  const { parent } = family;
  const button = parent.getByRole('button', { name: 'Записать ребенка' });

  // The consent is not given yet: the first failing condition is what the button explains.
  await parent.goto(linkPath!);
  await expect(checklist(parent).getByText('Нет согласия родителя на обработку персональных данных')).toBeVisible();
  await expect(checklist(parent).getByText('Что сделать: Родителю нужно дать согласие в своём кабинете, в карточке ребёнка')).toBeVisible();
  await expect(button).toBeDisabled();
  await expect(parent.getByText(/Записать пока нельзя: нет согласия родителя/)).toBeVisible();

  await giveConsent(parent);
  await parent.goto(linkPath!);
  await expect(checklist(parent).getByText('Родитель дал согласие на обработку персональных данных')).toBeVisible();
  await expect(checklist(parent).getByText('Ребёнок ещё не прошёл ни одного онлайн-теста')).toBeVisible();
  await expect(checklist(parent).getByText('Что сделать: Ребёнку нужно пройти любой тест в разделе «Диагностика» своего кабинета')).toBeVisible();
  await expect(checklist(parent).getByText('Мероприятие не рассчитано на класс ребёнка')).toBeVisible();
  await expect(checklist(parent).getByText('Что сделать: Выберите мероприятие для своего класса в каталоге')).toBeVisible();
  // The child's school is not the lesson's.
  await expect(checklist(parent).getByText('Урок проводится для учеников другой школы')).toBeVisible();
  await expect(checklist(parent).getByText('Есть свободное место')).toBeVisible();
  await expect(button).toBeDisabled();
  await expect(parent.getByText(/Записать пока нельзя: ребёнок ещё не прошёл ни одного онлайн-теста/)).toBeVisible();
  await expectNoSeriousA11yViolations(parent);
  await saveScreenshot(parent, 'events-link-card-conditions');
});

test('a pupil asks for a seat on a trial from the catalogue; it waits for the parent, who agrees in the cabinet', async ({ browser }) => {
  test.setTimeout(240_000);
  const pupil = await signInAsPupil(browser);
  await ensureDemoPupilTested(pupil);

  await pupil.goto('/participant/events/catalogue');
  await pupil.getByRole('link', { name: DEMO_TRIAL }).click();
  await expect(pupil.getByRole('heading', { name: DEMO_TRIAL })).toBeVisible();
  await expect(checklist(pupil).getByText('Не выполнено:')).toHaveCount(0);
  await pupil.getByRole('button', { name: 'Записаться' }).click();
  await expect(pupil.getByRole('status').filter({ hasText: 'Ждём согласия родителя' })).toBeVisible();
  await pupil.goto('/participant/events');
  const waiting = pupil.getByRole('article', { name: DEMO_TRIAL });
  await expect(waiting.getByText('Ждёт согласия родителя', { exact: true })).toBeVisible();

  const parent = await signInAsDemoParent(browser);
  const request = parent.getByRole('article', { name: DEMO_TRIAL });
  await expect(request.getByText(/Ребёнок хочет пойти на это мероприятие/)).toBeVisible();
  await request.getByRole('button', { name: 'Согласовать' }).click();
  await expect(request.getByText('Записан', { exact: true })).toBeVisible();

  await pupil.reload();
  await expect(pupil.getByRole('article', { name: DEMO_TRIAL }).getByText('Записан', { exact: true })).toBeVisible();
});

test('waiting list: the only seat is taken, the demo parent queues, the first family cancels and the waiting child is enrolled', async ({ browser }) => {
  test.setTimeout(300_000);
  const venue = await staff(browser, 'venue@bilet.demo');
  const coordinator = await staff(browser, 'coordinator@bilet.demo');
  const title = `Урок мастерства на одно место ${Date.now().toString(36)}`;
  const { linkPath } = await publishedEvent(venue, coordinator, { title, startsAt: daysAhead(2, 12), capacity: 1, lesson: true });

  // A lesson is for its school's pupils: the first family's child goes to the demo school.
  const first = await registerFamily(browser, 7, undefined, (await demoSchool(venue)).name);
  await giveConsent(first.parent);
  await takeShortTest(first.kid);
  await first.parent.goto(linkPath!);
  await first.parent.getByRole('button', { name: 'Записать ребенка' }).click();
  await expect(first.parent.getByRole('status').filter({ hasText: 'Ребёнок записан' })).toBeVisible();

  const pupil = await signInAsPupil(browser);
  await ensureDemoPupilTested(pupil);
  const parent = await signInAsDemoParent(browser);
  await parent.goto(linkPath!);
  await expect(parent.getByText('Свободных мест нет').first()).toBeVisible();
  await expect(parent.getByRole('button', { name: 'Записать ребенка' })).toHaveCount(0);
  await parent.getByRole('button', { name: 'Встать в лист ожидания' }).click();
  await expect(parent.getByRole('status').filter({ hasText: 'Ребёнок в листе ожидания' })).toBeVisible();
  await parent.goto('/parent');
  await expect(parent.getByRole('article', { name: title }).getByText('В листе ожидания', { exact: true })).toBeVisible();

  await first.parent.goto('/parent');
  const taken = first.parent.getByRole('article', { name: title });
  await taken.getByRole('button', { name: 'Отменить запись' }).click();
  await first.parent.getByRole('dialog').getByRole('button', { name: 'Отменить запись' }).click();
  await expect(taken.getByText('Записан', { exact: true })).toHaveCount(0);

  await parent.reload();
  await expect(parent.getByRole('article', { name: title }).getByText('Записан', { exact: true })).toBeVisible();
  await expect(parent.getByText('Освободилось место на мероприятии').first()).toBeVisible();
});

test('the mentor marks attendance from the start of the event, and leaves a grade and feedback with a skill', async ({ browser }) => {
  test.setTimeout(240_000);
  const venue = await staff(browser, 'venue@bilet.demo');
  const coordinator = await staff(browser, 'coordinator@bilet.demo');
  const mentor = await staff(browser, 'mentor@bilet.demo');
  const pupil = await signInAsPupil(browser);
  await ensureDemoPupilTested(pupil);
  const parent = await signInAsDemoParent(browser);
  const title = `Урок мастерства сейчас ${Date.now().toString(36)}`;
  // Nothing is marked before the start, so the lesson begins shortly after the child is enrolled.
  const startsAt = new Date(Date.now() + 75_000);
  const { id, linkPath } = await publishedEvent(venue, coordinator, { title, startsAt, capacity: 15, lesson: true });

  await parent.goto(linkPath!);
  await parent.getByRole('button', { name: 'Записать ребенка' }).click();
  await expect(parent.getByRole('status').filter({ hasText: 'Ребёнок записан' })).toBeVisible();

  await mentor.goto(`/staff/events/${id}`);
  const roster = mentor.getByRole('region', { name: 'Участники' });
  await expect(roster.getByText(DEMO_CHILD)).toBeVisible();
  await expect(roster.getByText(/Посещение и отзывы можно отмечать с .* — с начала мероприятия/)).toBeVisible();
  await expect(roster.getByRole('button', { name: 'Отметить всех присутствующими' })).toHaveCount(0);
  // The open page unlocks the buttons by itself once the lesson begins.
  await roster.getByRole('button', { name: 'Отметить всех присутствующими' }).click({ timeout: 120_000 });
  await roster.getByRole('button', { name: 'Сохранить посещение' }).click();
  await expect(mentor.getByText('Посещение сохранено')).toBeVisible();
  // The toast's grey message text is below AA contrast app-wide (a theme matter, not this page's);
  // it closes by itself, and the dialog below is checked without it.
  await expect(mentor.getByText('Посещение сохранено')).toBeHidden({ timeout: 15_000 });
  await roster.getByRole('button', { name: /^Оставить отзыв: / }).click();
  const dialog = mentor.getByRole('dialog');
  await dialog.getByRole('radio', { name: /^5 — / }).check();
  const feedback = 'Уверенно построил модель и сам подготовил её к печати. Стоит попробовать инженерный дизайн.';
  await dialog.getByLabel('Отзыв', { exact: true }).fill(feedback);
  const skill = dialog.getByRole('checkbox').first();
  await skill.check();
  await expectNoSeriousA11yViolations(mentor);
  await dialog.getByRole('button', { name: 'Сохранить отзыв' }).click();
  await expect(dialog).toBeHidden();
  await expect(roster.getByText('5 — Справился с заданием самостоятельно и уверенно')).toBeVisible();

  // «Прошедшие» lists an event only after it has ended, and this one has just begun; so the pupil
  // is told by the notification, and the pupil's events already carry the feedback.
  await pupil.goto('/participant');
  await expect(pupil.getByText('Наставник оставил отзыв о мероприятии').first()).toBeVisible();
  const { account } = await ok<{ account: { id: string } }>(await pupil.request.get('/api/auth/session'));
  const events = await ok<{ planned: Array<{ event: { id: string }; attendance: string | null; mentorGrade: number | null; feedback: string | null; observedSkills: unknown[] }>; past: unknown[] }>(
    await pupil.request.get(`/api/pupils/${account.id}/events`),
  );
  const mine = events.planned.find((e) => e.event.id === id);
  expect(mine).toMatchObject({ attendance: 'present', mentorGrade: 5, feedback });
  expect(mine!.observedSkills).toHaveLength(1);

  // Having been at a trial, the child no longer qualifies for a lesson meant for newcomers ('no_prior_trials').
  const next = await publishedEvent(venue, coordinator, { title: `Урок мастерства для новичков ${Date.now().toString(36)}`, startsAt: daysAhead(5, 16), capacity: 15, lesson: true });
  await parent.goto(next.linkPath!);
  await expect(checklist(parent).getByText('Ребёнок уже проходил профессиональные пробы, а урок — для тех, кто ещё не пробовал')).toBeVisible();
  await expect(parent.getByRole('button', { name: 'Записать ребенка' })).toBeDisabled();
});

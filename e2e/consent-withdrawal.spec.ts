import { expect, test, type Browser, type Page } from '@playwright/test';
import { answerToTheEnd, signInAsDemoPupil, startTestFromCatalogue } from './pupil.js';
import { signInAsStaff } from './staff.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';

const DEMO_LESSON = 'Урок мастерства: 3D-моделирование';
// The demo pupil is shared by the journeys: this one takes a test the diagnostics journey leaves alone.
const SHORT_TEST = 'Креативность';
const PD_CONSENT = 'Согласие на обработку персональных данных ребёнка';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function json<T>(response: Awaited<ReturnType<Page['request']['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The demo lesson's registration link, as the venue's page shows it. */
async function demoLessonLink(browser: Browser): Promise<string> {
  const venue = await newPage(browser);
  await signInAsStaff(venue, 'venue@bilet.demo', DEMO_PASSWORD);
  const list = await json<{ items: Array<{ id: string; title: string }> }>(await venue.request.get('/api/staff/events?pageSize=100'));
  const lesson = list.items.find((e) => e.title === DEMO_LESSON);
  expect(lesson, 'the demo lesson').toBeTruthy();
  const detail = await json<{ link: { url: string } | null }>(await venue.request.get(`/api/staff/events/${lesson!.id}`));
  await venue.context().close();
  return new URL(detail.link!.url).pathname;
}

test('a parent withdraws consent: the dialog names the consequences, the child’s lesson is cancelled and the navigator loses sight until a new consent', async ({ browser }) => {
  const pupil = await newPage(browser);
  await signInAsDemoPupil(pupil);
  const { account } = await json<{ account: { id: string } }>(await pupil.request.get('/api/auth/session'));
  const pupilId = account.id;
  const results = await json<{ results: Array<{ title: string }> }>(await pupil.request.get(`/api/pupils/${pupilId}/diagnostics/results`));
  if (!results.results.some((r) => r.title === SHORT_TEST)) {
    await startTestFromCatalogue(pupil, SHORT_TEST);
    await answerToTheEnd(pupil);
    await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
  }

  // The navigator the pupil is assigned to sees its results.
  const navigator = await newPage(browser);
  await signInAsStaff(navigator, 'navigator@bilet.demo', DEMO_PASSWORD);
  await navigator.goto(`/staff/pupils/${pupilId}/diagnostics`);
  await expect(navigator.getByText(SHORT_TEST).first()).toBeVisible();

  // The parent enrols the child in the lesson at its school through the lesson's link.
  const linkPath = await demoLessonLink(browser);
  const parent = await newPage(browser);
  await parent.goto('/signin');
  await parent.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await parent.getByRole('listitem').filter({ hasText: 'Иванова Мария' }).getByRole('button', { name: 'Войти' }).click();
  await expect(parent).toHaveURL(/\/parent$/);
  await parent.goto(linkPath);
  await parent.getByRole('button', { name: 'Записать ребенка' }).click();
  await expect(parent.getByRole('status').filter({ hasText: 'Ребёнок записан' })).toContainText(DEMO_LESSON);

  await parent.goto('/parent');
  const lesson = parent.getByRole('article', { name: DEMO_LESSON });
  await expect(lesson.getByText('Записан', { exact: true })).toBeVisible();

  // Withdrawing: the dialog lists what will follow before anything happens.
  const consent = parent.getByRole('region', { name: new RegExp(`^${PD_CONSENT}`) });
  await consent.getByRole('button', { name: 'Отозвать согласие' }).click();
  const dialog = parent.getByRole('dialog', { name: 'Отозвать согласие?' });
  const consequences = dialog.getByRole('list', { name: 'Последствия отзыва согласия' });
  await expect(consequences.getByText(/предстоящие записи ребёнка на мероприятия будут отменены/)).toBeVisible();
  await expect(consequences.getByText(/перестанут видеть результаты диагностик/)).toBeVisible();
  await expect(consequences.getByText(/отменённые записи не восстановятся/)).toBeVisible();
  await expectNoSeriousA11yViolations(parent);
  await saveScreenshot(parent, 'consent-withdrawal-dialog');
  await dialog.getByRole('button', { name: 'Да, отозвать' }).click();
  await expect(dialog).toBeHidden();

  // The lesson is cancelled, and the parent is told why.
  await expect(lesson.getByText('Запись отменена', { exact: true }).first()).toBeVisible();
  await expect(lesson.getByText(/Вы отозвали согласие на обработку персональных данных ребёнка/)).toBeVisible();
  await saveScreenshot(parent, 'consent-withdrawal-cancelled');

  // The navigator no longer sees the child's results; the pupil's diagnostics say why they are closed.
  await navigator.reload();
  await expect(navigator.getByText('Ученик не найден')).toBeVisible();
  await expect(navigator.getByText(SHORT_TEST)).toHaveCount(0);
  await pupil.goto('/participant/diagnostics');
  await expect(pupil.getByText(/Диагностики закрыты: родитель отозвал согласие/)).toBeVisible();

  // A new consent brings the navigator's sight back, not the lesson.
  await consent.getByRole('button', { name: 'Дать согласие' }).click();
  await expect(consent.getByText(/^Дано /)).toBeVisible();
  await navigator.reload();
  await expect(navigator.getByText(SHORT_TEST).first()).toBeVisible();
  await parent.reload();
  await expect(parent.getByRole('article', { name: DEMO_LESSON }).getByText('Запись отменена', { exact: true }).first()).toBeVisible();
  await Promise.all([pupil, navigator, parent].map((page) => page.context().close()));
});

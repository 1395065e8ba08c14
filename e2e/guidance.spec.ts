import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { answerToTheEnd, signInAsPupil, startTestFromCatalogue } from './pupil.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations } from './support.js';
import { signInAsStaff } from './staff.js';

/** The shortest test whose every question is a single choice, so any pupil can finish it by clicking. */
const SHORT_TEST = 'Какой я в деле';
const PHONE = { width: 360, height: 740 };
/** The pupil's (7th grade) questionnaire of interests in the spheres of professions. */
const INTERESTS_TEST = 'Карта интересов';

async function staff(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, email, DEMO_PASSWORD);
  return page;
}

async function ok<T>(response: Awaited<ReturnType<Page['request']['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

interface FormOptions {
  competencies: Array<{ id: number; name: string }>;
  places: Array<{ id: string }>;
  mentors: Array<{ id: string; name: string }>;
}


interface Reference {
  spheres: Array<{ code: string; competencies: Array<{ id: number; name: string }> }>;
}

/**
 * Of the venue's competencies, the one nearest the head of its sphere's list, with the sphere: a
 * pupil interested in that sphere alone has it among the engine's candidate competencies.
 */
async function trialCompetency(venue: Page, pupil: Page): Promise<{ id: number; sphere: string }> {
  const options = await ok<FormOptions>(await venue.request.get('/api/staff/events/form-options'));
  const offered = new Set(options.competencies.map((c) => c.id));
  const { spheres } = await ok<Reference>(await pupil.request.get('/api/reference/competencies'));
  const ranked = spheres.flatMap((s) => [...s.competencies].sort((a, b) => a.id - b.id).map((c, rank) => ({ id: c.id, sphere: s.code, rank })));
  const best = ranked.filter((c) => offered.has(c.id)).sort((a, b) => a.rank - b.rank)[0]!;
  return { id: best.id, sphere: best.sphere };
}

/** The questions of the map of interests that speak of one sphere, by their text. */
function interestItemsOf(sphere: string): string[] {
  const definition = parse(fs.readFileSync('server/modules/diagnostics/catalogue/interests-spheres-6-7.yaml', 'utf8')) as {
    items: Array<{ id: string; text: string }>;
    scales: Array<{ keys: Array<{ item: string }>; maps: Array<{ dimension: string }> }>;
  };
  const scale = definition.scales.find((sc) => sc.maps.some((m) => m.dimension === `sphere:${sphere}`))!;
  const ids = new Set(scale.keys.map((k) => k.item));
  return definition.items.filter((i) => ids.has(i.id)).map((i) => i.text);
}

/** Answers the map of interests: very interested in the given questions, not at all in the rest. */
async function answerInterests(page: Page, keen: string[]): Promise<void> {
  for (;;) {
    let wanted = false;
    for (const text of keen) if (await page.getByText(text, { exact: true }).isVisible()) wanted = true;
    await page.getByRole('radio', { name: wanted ? 'Очень интересно' : 'Совсем не интересно' }).click();
    await expect(page.getByText('Сохранено').first()).toBeVisible();
    const finish = page.getByRole('button', { name: 'Завершить' });
    if (await finish.isVisible()) {
      await finish.click();
      return;
    }
    await page.getByRole('button', { name: 'Далее' }).click();
  }
}

/** A trial at the venue, created, approved and published through the staff's own API. */
async function publishedTrial(venue: Page, coordinator: Page, competencyId: number, title: string, startsAt: Date): Promise<string> {
  const options = await ok<FormOptions>(await venue.request.get('/api/staff/events/form-options'));
  const mentor = options.mentors.find((m) => m.name.includes('Зайцева'))!;
  const { ids } = await ok<{ ids: string[] }>(
    await venue.request.post('/api/staff/events', {
      data: {
        competencyId,
        format: 'in_person',
        title,
        description: 'Наставник покажет, как устроена работа, и каждый попробует сам под присмотром.',
        placeId: options.places[0]!.id,
        videoUrl: null,
        schoolId: null,
        durationMinutes: 60,
        capacity: 15,
        gradeFrom: 6,
        gradeTo: 11,
        difficulty: 'basic',
        ovzSuitable: false,
        ovzNotes: null,
        mentorIds: [mentor.id],
        startsAt: [startsAt.toISOString()],
      },
    }),
  );
  const id = ids[0]!;
  await ok(await venue.request.post(`/api/staff/events/${id}/submit`));
  await ok(await coordinator.request.post(`/api/staff/events/${id}/approve`));
  await ok(await venue.request.post(`/api/staff/events/${id}/publish`));
  return id;
}

/** The PDF behind a «Скачать PDF» link, as the browser would fetch it with the viewer's session. */
async function expectPdf(page: Page): Promise<void> {
  const href = await page.getByRole('link', { name: 'Скачать PDF' }).getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
}

test('guidance: tests sharpen the recommendations, a recommended trial is graded, the navigator publishes the plan, pupil and parent read and download it', async ({ browser }) => {
  test.setTimeout(600_000);

  // The demo beginner on a phone, who has done nothing yet: before any test the page sends it to the first one.
  const pupil = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await signInAsPupil(pupil, 'pupil3@bilet.demo');
  await pupil.getByRole('link', { name: 'Рекомендации' }).click();
  await expect(pupil).toHaveURL(/\/participant\/recommendations$/);
  await expect(pupil.getByRole('heading', { level: 1, name: 'Рекомендации' })).toBeVisible();
  await expect(pupil.getByText('Начни с первого теста')).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);

  await startTestFromCatalogue(pupil, SHORT_TEST);
  await answerToTheEnd(pupil);
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);

  // One test of soft skills: the picture has a source, yet says nothing of spheres, so no trial fits.
  await pupil.goto('/participant/recommendations');
  await expect(pupil.getByText(/^Пройдено: 1 тест,/)).toBeVisible();
  await expect(pupil.getByText('Начни с первого теста')).toHaveCount(0);
  await expect(pupil.getByText(/^Подходящих проб с открытой записью сейчас нет/)).toBeVisible();

  const venue = await staff(browser, 'venue@bilet.demo');
  const coordinator = await staff(browser, 'coordinator@bilet.demo');
  const competency = await trialCompetency(venue, pupil);

  // The map of interests, started from its recommendation, brings the spheres and with them trials.
  // Shorter tests worth as much are offered first; the pupil passes them by until the map is offered.
  const nextTests = pupil.getByRole('region', { name: 'Следующие тесты' });
  const next = nextTests.getByRole('article', { name: INTERESTS_TEST, exact: true });
  await expect(nextTests.getByRole('article').first()).toBeVisible();
  for (let passed = 0; passed < 8 && !(await next.isVisible()); passed += 1) {
    const first = nextTests.getByRole('article').first();
    const name = (await first.getByRole('heading').textContent())!;
    await first.getByRole('button', { name: `Не интересно: ${name}` }).click();
    await expect(nextTests.getByRole('article', { name, exact: true })).toHaveCount(0);
  }
  await expect(next.getByText('Почему:')).toBeVisible();
  await next.getByRole('button', { name: `Пройти: ${INTERESTS_TEST}` }).click();
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/attempts\//);
  const intro = pupil.getByRole('button', { name: 'Начать тест' });
  await expect(intro.or(pupil.getByText(/^Вопрос \d+ из \d+/))).toBeVisible();
  if (await intro.isVisible()) await intro.click();
  await answerInterests(pupil, interestItemsOf(competency.sphere));
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
  await pupil.goto('/participant/recommendations');
  await expect(pupil.getByText(/^Пройдено: 2 теста,/)).toBeVisible();
  await expect(pupil.getByRole('table', { name: /Самые сильные сферы/ })).toBeAttached();

  // A trial starting shortly: the mentor marks attendance only from its start.
  const title = `Проба по интересам ${Date.now().toString(36)}`;
  const eventId = await publishedTrial(venue, coordinator, competency.id, title, new Date(Date.now() + 150_000));

  await pupil.reload();
  const recommended = pupil.getByRole('article', { name: title });
  await expect(recommended.getByText('Почему:')).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await recommended.getByRole('link', { name: `Записаться: ${title}` }).click();
  await expect(pupil).toHaveURL(new RegExp(`/participant/events/${eventId}$`));
  await pupil.getByRole('button', { name: 'Записаться' }).click();
  await expect(pupil.getByRole('status').filter({ hasText: 'Ждём согласия родителя' })).toBeVisible();

  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/signin');
  await parent.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await parent.getByRole('listitem').filter({ hasText: 'Смирнова Елена' }).getByRole('button', { name: 'Войти' }).click();
  await expect(parent).toHaveURL(/\/parent$/);
  const request = parent.getByRole('article', { name: title });
  await request.getByRole('button', { name: 'Согласовать' }).click();
  await expect(request.getByText('Записан', { exact: true })).toBeVisible();

  // The mentor marks the pupil present once the trial begins, and grades it.
  const mentor = await staff(browser, 'mentor@bilet.demo');
  await mentor.goto(`/staff/events/${eventId}`);
  const roster = mentor.getByRole('region', { name: 'Участники' });
  await roster.getByRole('button', { name: 'Отметить всех присутствующими' }).click({ timeout: 200_000 });
  await roster.getByRole('button', { name: 'Сохранить посещение' }).click();
  await expect(mentor.getByText('Посещение сохранено')).toBeVisible();
  await roster.getByRole('button', { name: /^Оставить отзыв: / }).click();
  const dialog = mentor.getByRole('dialog');
  await dialog.getByRole('radio', { name: /^5 — / }).check();
  await dialog.getByLabel('Отзыв', { exact: true }).fill('Уверенно работал на станке и сам проверил размеры детали.');
  await dialog.getByRole('checkbox').first().check();
  await dialog.getByRole('button', { name: 'Сохранить отзыв' }).click();
  await expect(dialog).toBeHidden();

  // The system drafts the plan after the feedback; the navigator adds a personal word in the
  // plan editor and publishes it.
  const { account } = await ok<{ account: { id: string } }>(await pupil.request.get('/api/auth/session'));
  const navigator = await staff(browser, 'navigator@bilet.demo');
  await expect
    .poll(async () => (await ok<{ content: unknown }>(await navigator.request.get(`/api/staff/study-plans/${account.id}`))).content !== null, {
      timeout: 30_000,
      message: 'the system drafts the plan after the mentor’s feedback',
    })
    .toBe(true);
  const note = 'Ты уверенно показал себя на пробе — попробуй инженерный кружок.';
  await navigator.goto(`/staff/pupils/${account.id}/plan`);
  await navigator.getByLabel('Личное обращение к ученику').fill(note);
  await navigator.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(navigator.getByText('План опубликован: ученик и родители получили уведомление.')).toBeVisible();

  // The pupil reads its plan, ticks a goal and downloads the PDF.
  await pupil.goto('/participant');
  await pupil.getByRole('link', { name: 'Мой план' }).click();
  await expect(pupil.getByRole('heading', { level: 1, name: 'Мой план' })).toBeVisible();
  await expect(pupil.getByText(note)).toBeVisible();
  const goals = pupil.getByRole('checkbox');
  const total = await goals.count();
  expect(total).toBeGreaterThan(0);
  await expect(pupil.getByText(`Выполнено 0 из ${total}`)).toBeVisible();
  await goals.first().check();
  await expect(pupil.getByText(`Выполнено 1 из ${total}`)).toBeVisible();
  await pupil.reload();
  await expect(pupil.getByText(`Выполнено 1 из ${total}`)).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await expectPdf(pupil);

  // The parent reads the same plan without ticks, and downloads it.
  await parent.goto('/parent');
  await parent.getByRole('link', { name: /^Индивидуальный план: / }).first().click();
  await expect(parent).toHaveURL(new RegExp(`/parent/children/${account.id}/plan$`));
  await expect(parent.getByText(note)).toBeVisible();
  await expect(parent.getByText(`Выполнено 1 из ${total}`)).toBeVisible();
  for (const box of await parent.getByRole('checkbox').all()) await expect(box).toBeDisabled();
  await expectNoSeriousA11yViolations(parent);
  const download = parent.waitForEvent('download');
  await parent.getByRole('link', { name: 'Скачать PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await expectPdf(parent);

  await parent.goto(`/parent/children/${account.id}/recommendations`);
  await expect(parent.getByText('Что известно о ребёнке')).toBeVisible();
  await expect(parent.getByRole('button', { name: /^Не интересно/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(parent);
});

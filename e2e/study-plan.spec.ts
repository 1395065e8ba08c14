import { expect, test } from '@playwright/test';
import { E2E_BASE_URL } from '../playwright.config.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

/**
 * The navigator's part of the plan: the demo eighth-grader came to a turning trial and the mentor
 * graded it, so the system drafted her plan; the navigator finds it on the queue, adds a personal
 * word, publishes it, and the pupil can download it as a PDF.
 */
test('the navigator reviews the drafted plan, publishes it, and the pupil downloads the PDF', async ({ page, browser }) => {
  await signInAsStaff(page, 'navigator@bilet.demo', DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Индивидуальные планы' }).click();
  await expect(page.getByRole('heading', { name: 'Индивидуальные планы' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Петрова Мария' });
  await expect(row.getByText('План подготовлен')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'study-plan-queue');

  await row.getByRole('link', { name: /Петрова Мария/ }).click();
  await expect(page.getByRole('heading', { name: 'План: Петрова Мария' })).toBeVisible();
  await expect(page.getByText('Черновик системы')).toBeVisible();
  await expect(page.getByLabel('Сфера 1')).toHaveValue('Промышленность и инженерия');
  await page.getByLabel('Личное обращение к ученику').fill('Мария, ты отлично работала на станке — попробуй 3D-печать!');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(page.getByText('План опубликован: ученик и родители получили уведомление.')).toBeVisible();
  await expect(page.getByText('Опубликована версия 1')).toBeVisible();
  await saveScreenshot(page, 'study-plan-editor');

  const pupil = await browser.newContext({ baseURL: E2E_BASE_URL });
  const signIn = await pupil.request.post('/api/auth/sign-in', { data: { email: 'pupil2@bilet.demo', password: DEMO_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const plan = await pupil.request.get('/api/study-plan/me');
  expect((await plan.json()).published.content.navigatorNote).toMatch(/^Мария, ты отлично работала/);
  const pdf = await pupil.request.get('/api/study-plan/me/pdf');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await pupil.close();
});

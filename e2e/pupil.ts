import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support.js';

/** Signs the seeded demo pupil in with their e-mail and password. */
export async function signInAsDemoPupil(page: Page): Promise<void> {
  await signInAsPupil(page, 'pupil@bilet.demo');
}

/** Signs a seeded pupil in with the demo password. */
export async function signInAsPupil(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/participant/);
}

/** Opens the test from the pupil's diagnostics catalogue and gets past its introduction, if it has one. */
export async function startTestFromCatalogue(page: Page, title: string): Promise<void> {
  await page.goto('/participant/diagnostics');
  await page.getByRole('button', { name: `Начать: ${title}` }).click();
  await expect(page).toHaveURL(/\/participant\/diagnostics\/attempts\//);
  const intro = page.getByRole('button', { name: 'Начать тест' });
  await expect(intro.or(page.getByText(/^Вопрос \d+ из \d+/))).toBeVisible();
  if (await intro.isVisible()) await intro.click();
}

/** Answers the open question with its third choice (or the last, when there are fewer) and waits until it is saved. */
export async function answerCurrent(page: Page): Promise<void> {
  const choices = page.getByRole('radio');
  const n = await choices.count();
  await choices.nth(Math.min(2, n - 1)).click();
  await expect(page.getByText('Сохранено').first()).toBeVisible();
}

/** Answers every remaining question and finishes the test. */
export async function answerToTheEnd(page: Page): Promise<void> {
  for (;;) {
    await answerCurrent(page);
    const finish = page.getByRole('button', { name: 'Завершить' });
    if (await finish.isVisible()) {
      await finish.click();
      return;
    }
    await page.getByRole('button', { name: 'Далее' }).click();
  }
}

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';

/** What a parent on a phone sees: every page fits 360 px without sideways scrolling. */
test('the demo pupil signs in on a 360-px phone and every page fits the screen', async ({ page }) => {
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const path of ['/', '/register', '/signin']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await fits();
    await expectNoSeriousA11yViolations(page);
  }
  await page.getByLabel('Электронная почта', { exact: true }).fill('pupil@bilet.demo');
  await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/participant/);
  await expect(page.getByText('Артём').first()).toBeVisible();
  await fits();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'phone-participant-cabinet');
});

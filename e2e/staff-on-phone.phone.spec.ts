import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

/** A tired school administrator on a phone: every staff page fits 360 px and passes axe. */
test('the demo school works from a 360-px phone: consent, pupils, import, consents, team', async ({ page }) => {
  test.setTimeout(120_000);
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await signInAsStaff(page, 'school@bilet.demo', DEMO_PASSWORD);
  for (const path of ['/staff', '/staff/organisation', '/staff/participants', '/staff/imports', '/staff/paper-consents', '/staff/team', '/staff/profile']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await fits();
    await expectNoSeriousA11yViolations(page);
  }
  await page.goto('/staff/participants');
  await expect(page.getByText('Иванов').first()).toBeVisible();
  await saveScreenshot(page, 'phone-school-participants');
});

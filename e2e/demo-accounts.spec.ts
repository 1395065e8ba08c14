import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, saveScreenshot } from './support.js';
import { signInAsStaff, signOut } from './staff.js';

const STAFF = [
  ['admin@bilet.demo', 'Администратор эмитента'],
  ['coordinator@bilet.demo', 'Региональный координатор'],
  ['school@bilet.demo', 'Школа'],
  ['venue@bilet.demo', 'Площадка'],
  ['mentor@bilet.demo', 'Наставник'],
  ['navigator@bilet.demo', 'Педагог-навигатор'],
  ['methodologist@bilet.demo', 'Методолог'],
] as const;

test('every demo staff account printed at start signs in to its own home, through consent and the second factor', async ({ page }) => {
  test.setTimeout(240_000);
  for (const [email, role] of STAFF) {
    await signInAsStaff(page, email, DEMO_PASSWORD);
    await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
    if (email.startsWith('coordinator')) await saveScreenshot(page, 'staff-home');
    await signOut(page);
  }
});

test('the demo parent signs in through the ESIA emulator as the seeded citizen and sees the linked pupil', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  const citizen = page.getByRole('listitem').filter({ hasText: 'Иванова Мария' });
  await citizen.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/parent$/);
  await expect(page.getByText('Артём').first()).toBeVisible();
});

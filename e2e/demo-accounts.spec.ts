import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support.js';

const STAFF = [
  ['admin@bilet.demo', 'Администратор эмитента'],
  ['coordinator@bilet.demo', 'Региональный координатор'],
  ['school@bilet.demo', 'Школа'],
  ['venue@bilet.demo', 'Площадка'],
  ['mentor@bilet.demo', 'Наставник'],
  ['navigator@bilet.demo', 'Педагог-навигатор'],
  ['methodologist@bilet.demo', 'Методолог'],
] as const;

test('every demo staff account printed at start signs in to its own home', async ({ page }) => {
  for (const [email, role] of STAFF) {
    await page.goto('/signin');
    await page.getByLabel('Электронная почта', { exact: true }).fill(email);
    await page.getByLabel('Пароль', { exact: true }).fill('bilet-demo-2026');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page).toHaveURL(/\/staff/);
    await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
    if (email.startsWith('coordinator')) await saveScreenshot(page, 'staff-home');
    await page.getByRole('button', { name: 'Выйти' }).first().click();
    await expect(page).not.toHaveURL(/\/staff/);
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

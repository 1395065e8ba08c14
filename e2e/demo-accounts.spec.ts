import { expect, test, type Page } from '@playwright/test';
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

/** Every status badge in the page's tables shows its whole label: nothing is cut to «Ра…». */
async function expectWholeBadges(page: Page): Promise<void> {
  const badges = page.locator('table .mantine-Badge-root');
  await expect(badges.first()).toBeVisible();
  const cut = await badges.evaluateAll((roots) =>
    roots.flatMap((root) => {
      const label = root.querySelector('.mantine-Badge-label') ?? root;
      return label.scrollWidth > label.clientWidth || root.scrollWidth > root.clientWidth ? [label.textContent ?? ''] : [];
    }),
  );
  expect(cut).toEqual([]);
}

test('staff tables use the width of the screen and never cut a status badge', async ({ page }) => {
  test.setTimeout(240_000);
  const pages = [
    ['coordinator@bilet.demo', '/staff/organisations', 'organisations'],
    ['coordinator@bilet.demo', '/staff/events', 'events'],
    ['school@bilet.demo', '/staff/participants', 'participants'],
  ] as const;
  for (const [email, path, name] of pages) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAsStaff(page, email, DEMO_PASSWORD);
    await page.goto(path);
    await expectWholeBadges(page);
    await saveScreenshot(page, `staff-${name}-1280`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const table = await page.locator('table').first().boundingBox();
    expect(table!.width).toBeGreaterThan(1920 * 0.75);
    await expectWholeBadges(page);
    await saveScreenshot(page, `staff-${name}-1920`);
    await signOut(page);
  }
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

/** An operator on duty with only a phone: the queue is a list of cards, and a request opens and answers within 360 px. */
test('the support operator works the queue from a 360-px phone', async ({ page }) => {
  test.setTimeout(120_000);
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await signInAsStaff(page, 'support@bilet.demo', DEMO_PASSWORD);
  await page.goto('/staff/support');
  await expect(page.getByRole('heading', { level: 1, name: 'Обращения' })).toBeVisible();
  const queue = page.getByRole('list', { name: 'Очередь обращений, новые сверху' });
  // The demo seed's requests, each a card with its status and deadline in view.
  const letter = queue.getByRole('listitem').filter({ hasText: 'Кузнецова Галина' });
  await expect(letter).toContainText('по почте');
  await expect(letter).toContainText('Регион не указан');
  await expect(queue.getByRole('listitem').filter({ hasText: 'Иванов Артём' }).filter({ hasText: 'Оставлено без ответа' })).toContainText('Правило: В обращении нет конкретного вопроса');
  await expect(page.getByRole('table')).toHaveCount(0);
  await fits();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'phone-support-desk');

  // Every card's link is within reach of the thumb: no sideways scrolling to find it.
  const link = letter.getByRole('link', { name: /^№ / });
  const box = await link.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: /Обращение № / })).toBeVisible();
  await expect(page.getByText(/Как бабушке записать внука/).first()).toBeVisible();
  await fits();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Ответ заявителю').fill('Здравствуйте, Галина! Зарегистрировать внука и дать согласие может его законный представитель.');
  await page.getByRole('button', { name: 'Ответить' }).click();
  await expect(page.getByText('Здравствуйте, Галина!').first()).toBeVisible();
  await fits();

  await page.goto('/staff/support/templates');
  await expect(page.getByText('Не подходит пароль')).toBeVisible();
  await fits();
  await expectNoSeriousA11yViolations(page);
});

import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support';

test('on a 360-px phone a visitor searches the help centre and asks the bot, by keyboard too', async ({ page }) => {
  await page.goto('/help');
  await page.getByLabel('Поиск по справочному центру').fill('запись на пробу');
  await expect(page.getByRole('link', { name: 'Как записаться на профессиональную пробу' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const open = page.getByRole('button', { name: 'Помощь' });
  await open.focus();
  await page.keyboard.press('Enter');
  const bot = page.getByRole('dialog', { name: 'Помощь' });
  await expect(bot.getByLabel('Ваш вопрос')).toBeFocused();
  await page.keyboard.type('Как войти родителю через Госуслуги?');
  await page.keyboard.press('Enter');
  await expect(bot.getByRole('link', { name: 'Вход родителя через Госуслуги' })).toBeVisible();
  const box = await bot.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(bot).toBeHidden();
  await expect(open).toBeFocused();
});

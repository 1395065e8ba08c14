import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations } from './support';
import { signInAsDemoPupil } from './pupil';
import { signInAsStaff, signOut } from './staff';

/**
 * The help centre's screenshots live beside its articles and are committed; a run refreshes them
 * only when asked (HELP_SCREENSHOTS=update), so an ordinary run leaves the checkout clean.
 */
const SHOTS_DIR = process.env.HELP_SCREENSHOTS === 'update' ? path.resolve('server/modules/help/content/images') : path.resolve('e2e/artifacts/help-screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

async function signInAsDemoParent(page: Page, name: string): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await page.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/parent$/);
}

test('help centre screenshots of the pages its articles describe', async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/register');
  await expect(visitor.getByRole('heading', { name: 'Регистрация школьника' })).toBeVisible();
  await shoot(visitor, 'register');
  await visitor.goto('/signin');
  await expect(visitor.getByRole('link', { name: 'Войти через Госуслуги' }).first()).toBeVisible();
  await shoot(visitor, 'signin');

  const pupil = await (await browser.newContext()).newPage();
  await signInAsDemoPupil(pupil);
  await pupil.goto('/participant/diagnostics');
  await expect(pupil.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(pupil, 'diagnostics');
  await pupil.goto('/participant/events/catalogue');
  await expect(pupil.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(pupil, 'events-catalogue');

  const parent = await (await browser.newContext()).newPage();
  await signInAsDemoParent(parent, 'Иванова Мария');
  await expect(parent.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(parent, 'parent-cabinet');

  const venue = await (await browser.newContext()).newPage();
  await signInAsStaff(venue, 'venue@bilet.demo', DEMO_PASSWORD);
  await venue.goto('/staff/events');
  await expect(venue.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(venue, 'staff-events');
});

test('a parent asks the bot what the help centre answers, reads the article; the help centre has no serious a11y issue', async ({ page }) => {
  await signInAsDemoParent(page, 'Иванова Мария');
  await page.getByRole('button', { name: 'Помощь' }).click();
  const bot = page.getByRole('dialog', { name: 'Помощь' });
  await bot.getByLabel('Ваш вопрос').fill('Как дать согласие на обработку данных ребёнка?');
  await bot.getByRole('button', { name: 'Спросить' }).click();
  const link = bot.getByRole('link', { name: 'Согласие на обработку персональных данных ребёнка' });
  await expect(link).toBeVisible();
  await expect(bot.locator('mark').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await link.click();
  await expect(page).toHaveURL(/\/help\/soglasiya-roditelya$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Согласие на обработку персональных данных ребёнка' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Nothing in the help centre answers this: the bot offers a request carrying the conversation.
  await page.getByRole('button', { name: 'Помощь' }).click();
  await bot.getByLabel('Ваш вопрос').fill('Можно ли прийти на пробу с собакой');
  await bot.getByRole('button', { name: 'Спросить' }).click();
  await bot.getByRole('button', { name: 'Написать в поддержку' }).click();
  await expect(page).toHaveURL(/\/support\/new$/);
  // The form takes over the question and the conversation (and then forgets the draft it read).
  await expect(page.getByLabel('Ваш вопрос')).toHaveValue('Можно ли прийти на пробу с собакой');
  await expect(page.getByRole('region', { name: 'Переписка с чат-ботом' }).getByText(/Можно ли прийти на пробу с собакой/)).toBeVisible();

  await page.goto('/help');
  await page.getByRole('group', { name: 'Для кого' }).getByText('Родителям').click();
  await expect(page.getByRole('link', { name: 'Зачем ребёнку программа — цели для родителей' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Поиск по справочному центру').fill('диагностка');
  await expect(page.getByRole('link', { name: 'Онлайн-диагностика: как пройти тест' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/help/contacts');
  await expect(page.getByRole('heading', { name: 'Кировская область' })).toBeVisible();
  await expect(page.getByText('Центр профориентации Кировской области (демо)')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the support operator edits an article, previews and publishes it, and visitors read the new version', async ({ page }) => {
  await signInAsStaff(page, 'support@bilet.demo', DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Справочный центр' }).click();
  await page.getByLabel('Поиск по заголовку или адресу').fill('Частые вопросы');
  await page.getByRole('link', { name: 'Частые вопросы' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Частые вопросы' })).toBeVisible();
  const body = page.getByLabel('Текст статьи');
  await body.fill(`${await body.inputValue()}\n\n## Можно ли прийти на пробу с друзьями?\n\nДа, если друзья тоже записались. <script>alert(1)</script>`);
  await page.getByRole('tab', { name: 'Предпросмотр' }).click();
  await expect(page.getByRole('heading', { name: 'Можно ли прийти на пробу с друзьями?' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page.getByText('Есть неопубликованные правки')).toBeVisible();
  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(page.getByText('Опубликована версия 2').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Восстановить версию 1' })).toBeVisible();
  await signOut(page);

  await page.goto('/help/faq');
  await expect(page.getByRole('heading', { name: 'Можно ли прийти на пробу с друзьями?' })).toBeVisible();
  await expect(page.getByText('<script>alert(1)</script>')).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { fillChildFields } from './forms.js';
import { birthDateForAge, expectNoSeriousA11yViolations, linkFromMailbox, saveScreenshot, uniqueEmail, validSnils } from './support.js';

/** The accessible name of the focused element, as a screen reader would announce it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

/** Moves the focus with Tab until it rests on the element whose name matches; no mouse involved. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('a pupil with ОВЗ sees the adapted variants instead of their bases and takes one with the keyboard alone', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail('ovz');

  const pupil = await (await browser.newContext()).newPage();
  await pupil.goto('/register');
  await fillChildFields(pupil, { lastName: 'Кузнецов', firstName: 'Илья', middleName: 'Павлович', birthDate: birthDateForAge(14), grade: 8, snils: validSnils() });
  await pupil.getByLabel('Электронная почта', { exact: true }).fill(email);
  await pupil.getByLabel('Телефон', { exact: true }).fill('+7 912 000-44-21');
  await pupil.getByLabel('Пароль', { exact: true }).fill('тихий-вечер-у-реки');
  await pupil.getByLabel('Согласен(на) с правилами участия').check();
  await pupil.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(pupil).toHaveURL(/\/participant/);
  await pupil.goto(await linkFromMailbox(request, email, /Подтверди регистрацию/, '/activate'));
  await expect(pupil.getByText(/подтвержд/i).first()).toBeVisible();

  // Without ОВЗ the grade 8 catalogue offers the full questionnaires.
  // A base and its adapted variant share the title: their summaries tell them apart.
  await pupil.goto('/participant/diagnostics');
  const interestCards = pupil.getByRole('article', { name: 'Карта интересов', exact: true });
  const baseInterests = interestCards.filter({ hasText: 'Какие сферы профессий тебе ближе всего' });
  const adaptedInterests = interestCards.filter({ hasText: 'Узнай, какие занятия тебе интересны' });
  await expect(baseInterests).toHaveCount(1);
  await expect(baseInterests).toContainText('45 вопросов');
  await expect(adaptedInterests).toHaveCount(0);

  const marked = await pupil.request.patch('/api/participant/personal-data', { data: { hasOvz: true } });
  expect(marked.ok()).toBe(true);

  // With ОВЗ each core questionnaire is replaced by its adapted variant, never shown beside it.
  await pupil.goto('/participant/diagnostics');
  await expect(adaptedInterests).toHaveCount(1);
  await expect(adaptedInterests).toContainText('30 вопросов');
  await expect(baseInterests).toHaveCount(0);
  const readiness = pupil.getByRole('article', { name: 'Готовность к выбору профессии', exact: true });
  await expect(readiness).toHaveCount(1);
  await expect(readiness).toContainText('12 вопросов');
  const profile = pupil.getByRole('article', { name: 'Профиль склонностей', exact: true });
  await expect(profile).toHaveCount(1);
  await expect(profile).toContainText('18 вопросов');
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'ovz-catalogue');

  // From here on only the keyboard: Tab to move, Space to choose, Enter to press a button.
  await tabTo(pupil, /^Начать: Готовность к выбору профессии$/);
  await pupil.keyboard.press('Enter');
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/attempts\//);
  await expect(pupil.getByText(/ответы сохраняются/).first()).toBeVisible();
  await tabTo(pupil, /^Начать тест$/);
  await pupil.keyboard.press('Enter');

  await expect(pupil.getByRole('heading', { name: 'Вопрос 1 из 12' })).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'ovz-question');

  for (let n = 1; n <= 12; n++) {
    await expect(pupil.getByRole('heading', { name: `Вопрос ${n} из 12` })).toBeVisible();
    // Space picks the first answer; the arrow keys move the choice to «Скорее да» or «Да» in turn.
    await tabTo(pupil, /^1 — Нет$/);
    await pupil.keyboard.press('Space');
    for (let step = 0; step < (n % 2 === 0 ? 3 : 2); step++) await pupil.keyboard.press('ArrowRight');
    await expect(pupil.getByRole('radio', { checked: true })).toHaveAccessibleName(n % 2 === 0 ? '4 — Да' : '3 — Скорее да');
    await expect(pupil.getByText('Сохранено').first()).toBeVisible();
    await tabTo(pupil, n === 12 ? /^Завершить$/ : /^Далее$/);
    await pupil.keyboard.press('Enter');
  }

  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
  await expect(pupil.getByText('Знание себя').first()).toBeVisible();
  await expect(pupil.getByText('Самостоятельность выбора').first()).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'ovz-result');
});

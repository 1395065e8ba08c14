import { expect, test } from '@playwright/test';
import { registerInvitedChild } from './forms.js';
import { birthDateForAge, expectNoSeriousA11yViolations, linkFromMailbox, newCitizen, saveScreenshot, signInAtEsiaEmulator, uniqueEmail, validSnils } from './support.js';

test('a parent signs in through ESIA, invites the child, is told when the child registered, and consents', async ({ browser, request }) => {
  const parent = newCitizen();
  const childEmail = uniqueEmail('kid');

  const parentContext = await browser.newContext();
  const mama = await parentContext.newPage();
  await mama.goto('/signin');
  await mama.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await signInAtEsiaEmulator(mama, parent);
  await expect(mama).toHaveURL(/\/parent\/confirm/);
  await expectNoSeriousA11yViolations(mama);
  await mama.getByRole('button', { name: 'Всё верно, продолжить' }).click();
  await expect(mama).toHaveURL(/\/parent$/);

  const invite = mama.getByRole('region', { name: /Пригласить ребёнка/ }).or(mama.locator('form', { has: mama.getByRole('button', { name: 'Пригласить' }) })).first();
  await invite.getByRole('textbox').first().fill(childEmail);
  await invite.getByRole('button', { name: 'Пригласить' }).click();
  await expect(mama.getByText(childEmail).first()).toBeVisible();

  const childContext = await browser.newContext();
  const kid = await childContext.newPage();
  await kid.goto(await linkFromMailbox(request, childEmail, /Приглашение/, '/register'));
  await expect(kid.getByText(new RegExp(`пригласил.*${parent.firstName}`)).first()).toBeVisible();
  await registerInvitedChild(kid, { lastName: 'Белов', firstName: 'Лев', middleName: 'Олегович', birthDate: birthDateForAge(15), grade: 9, snils: validSnils() }, childEmail);
  await expect(kid.getByText(/согласие/i).first()).toBeVisible();
  await saveScreenshot(kid, 'participant-cabinet-waiting-consent');

  await linkFromMailbox(request, parent.email, /Ребёнок зарегистрировался/, '/parent');
  await mama.reload();
  await expect(mama.getByText('Ребёнок зарегистрировался').first()).toBeVisible();
  await expect(mama.getByText('Лев').first()).toBeVisible();
  await mama.getByRole('button', { name: 'Дать согласие' }).first().click();
  await expect(mama.getByRole('button', { name: 'Отозвать согласие' }).first()).toBeVisible();
  await saveScreenshot(mama, 'parent-cabinet-after-consent');

  await kid.reload();
  await expect(kid.getByText(/согласие на обработку/i)).toHaveCount(0);
  await parentContext.close();
  await childContext.close();
});

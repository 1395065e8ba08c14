import { expect, test } from '@playwright/test';
import { fillChildFields } from './forms.js';
import { birthDateForAge, linkFromMailbox, newCitizen, saveScreenshot, signInAtEsiaEmulator, uniqueEmail, validSnils } from './support.js';

test('a parent opens the cabinet of a child under 14, the child sets a password from the e-mailed link', async ({ browser, request }) => {
  const parent = newCitizen();
  const childEmail = uniqueEmail('small');

  const parentContext = await browser.newContext();
  const papa = await parentContext.newPage();
  await papa.goto('/api/auth/esia/start');
  await signInAtEsiaEmulator(papa, parent);
  await papa.getByRole('button', { name: 'Всё верно, продолжить' }).click();
  await expect(papa).toHaveURL(/\/parent$/);

  await papa.getByRole('button', { name: /Создать кабинет/ }).first().click();
  await fillChildFields(papa, { lastName: 'Белова', firstName: 'Алиса', middleName: 'Игоревна', birthDate: birthDateForAge(11), grade: 6, snils: validSnils() });
  await papa.getByLabel('Почта для писем').or(papa.getByLabel('Электронная почта', { exact: true })).first().fill(childEmail);
  await papa.getByLabel('Прислать ребёнку ссылку на почту — пароль он придумает сам').check();
  await papa.getByRole('button', { name: 'Создать кабинет' }).last().click();
  await expect(papa.getByText('Алиса').first()).toBeVisible();
  await papa.getByRole('button', { name: 'Дать согласие' }).first().click();
  await expect(papa.getByRole('button', { name: 'Отозвать согласие' }).first()).toBeVisible();
  await saveScreenshot(papa, 'parent-cabinet-under-14');

  const childContext = await browser.newContext();
  const alice = await childContext.newPage();
  await alice.goto(await linkFromMailbox(request, childEmail, /кабинет/, '/password/new'));
  await alice.getByLabel(/Пароль/).first().fill('единорог-и-радуга');
  await alice.getByRole('button').filter({ hasText: /Сохранить|Задать|Войти|Готово/ }).first().click();
  await alice.goto('/signin');
  await alice.getByLabel('Электронная почта', { exact: true }).fill(childEmail);
  await alice.getByLabel('Пароль', { exact: true }).fill('единорог-и-радуга');
  await alice.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(alice).toHaveURL(/\/participant/);
  await expect(alice.getByText('Алиса').first()).toBeVisible();
  await saveScreenshot(alice, 'participant-cabinet-under-14');
  await parentContext.close();
  await childContext.close();
});

import { expect, test } from '@playwright/test';
import { fillChildFields } from './forms.js';
import { birthDateForAge, expectNoSeriousA11yViolations, linkFromMailbox, newCitizen, saveScreenshot, signInAtEsiaEmulator, uniqueEmail, validSnils } from './support.js';

test('a pupil registers, confirms the e-mail, invites a parent who links through ESIA and consents', async ({ browser, request }) => {
  const pupilEmail = uniqueEmail('pupil');
  const parent = newCitizen();

  const pupilContext = await browser.newContext();
  const pupil = await pupilContext.newPage();
  await pupil.goto('/');
  await expect(pupil.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await pupil.getByRole('link', { name: 'Зарегистрироваться' }).first().click();

  await expect(pupil).toHaveURL(/\/register/);
  await fillChildFields(pupil, { lastName: 'Соколов', firstName: 'Тимофей', middleName: 'Андреевич', birthDate: birthDateForAge(13), grade: 7, snils: validSnils() });
  await pupil.getByLabel('Электронная почта', { exact: true }).fill(pupilEmail);
  await pupil.getByLabel('Телефон', { exact: true }).fill('+7 912 000-12-34');
  await pupil.getByLabel('Пароль', { exact: true }).fill('123456');
  await pupil.getByLabel('Согласен(на) с правилами участия').check();
  await expectNoSeriousA11yViolations(pupil);
  await pupil.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(pupil.getByText(/не короче 8 символов/).first()).toBeVisible();
  await pupil.getByLabel('Пароль', { exact: true }).fill('ракета-летит-на-марс');
  await pupil.getByRole('button', { name: 'Зарегистрироваться' }).click();

  await expect(pupil).toHaveURL(/\/participant/);
  await expect(pupil.getByText(/Подтверди адрес почты/).first()).toBeVisible();
  const activation = await linkFromMailbox(request, pupilEmail, /Подтверди регистрацию/, '/activate');
  await pupil.goto(activation);
  await expect(pupil.getByText(/подтвержд/i).first()).toBeVisible();
  await pupil.goto('/participant');
  await expect(pupil.getByText(/Пригласи родителя/).first()).toBeVisible();

  await pupil.getByLabel('Электронная почта родителя').or(pupil.getByRole('textbox', { name: /почт/i }).last()).first().fill(parent.email);
  await pupil.getByRole('button', { name: 'Пригласить' }).click();
  await expect(pupil.getByText(parent.email).first()).toBeVisible();
  await saveScreenshot(pupil, 'participant-cabinet-before-link');

  const parentContext = await browser.newContext();
  const mama = await parentContext.newPage();
  await mama.goto(await linkFromMailbox(request, parent.email, /приглашает вас/, '/invite/'));
  await expectNoSeriousA11yViolations(mama);
  await mama.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await signInAtEsiaEmulator(mama, parent);

  await expect(mama).toHaveURL(/\/parent\/confirm/);
  await expect(mama.getByText(parent.lastName).first()).toBeVisible();
  await mama.getByRole('button', { name: 'Всё верно, продолжить' }).click();
  await expect(mama).toHaveURL(/\/invite\//);
  await mama.getByRole('button', { name: /Подтвердить связь/ }).click();
  await expect(mama.getByText(/связаны|привязан/i).first()).toBeVisible();

  await mama.goto('/parent');
  await expect(mama.getByText('Тимофей').first()).toBeVisible();
  await mama.getByRole('button', { name: 'Дать согласие' }).first().click();
  await expect(mama.getByRole('button', { name: 'Отозвать согласие' }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(mama);
  await saveScreenshot(mama, 'parent-cabinet');

  // The family's part is done; the cabinet still names the pupil's own step before events open.
  await pupil.reload();
  await expect(pupil.getByText(/Пройди любой тест/).first()).toBeVisible();
  await expect(pupil.getByText(/Родитель должен дать согласие/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'participant-cabinet');
  await pupilContext.close();
  await parentContext.close();
});

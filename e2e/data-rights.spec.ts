import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fillChildFields } from './forms.js';
import { birthDateForAge, newCitizen, saveScreenshot, signInAtEsiaEmulator, uniqueEmail, validSnils } from './support.js';

test('a parent downloads all of the child’s data, asks to erase the account and sees it frozen', async ({ browser }) => {
  const parent = newCitizen();
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/api/auth/esia/start');
  await signInAtEsiaEmulator(page, parent);
  await page.getByRole('button', { name: 'Всё верно, продолжить' }).click();
  await expect(page).toHaveURL(/\/parent$/);

  await page.getByRole('button', { name: /Создать кабинет/ }).first().click();
  await fillChildFields(page, { lastName: 'Журавлёва', firstName: 'Вера', middleName: 'Олеговна', birthDate: birthDateForAge(11), grade: 6, snils: validSnils() });
  await page.getByLabel('Почта для писем').or(page.getByLabel('Электронная почта', { exact: true })).first().fill(uniqueEmail('rights'));
  await page.getByLabel('Прислать ребёнку ссылку на почту — пароль он придумает сам').check();
  await page.getByRole('button', { name: 'Создать кабинет' }).last().click();
  await expect(page.getByText('Вера').first()).toBeVisible();
  await page.getByRole('button', { name: 'Дать согласие' }).first().click();
  await expect(page.getByRole('button', { name: 'Отозвать согласие' }).first()).toBeVisible();

  const section = page.getByRole('region', { name: 'Данные ребёнка на платформе' });
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Скачать данные ребёнка (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);
  const archive = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));
  expect(archive.format).toBe('bilet-personal-data/1');
  expect(archive.profile).toMatchObject({ lastName: 'Журавлёва', firstName: 'Вера', role: 'participant' });
  expect(archive.profile.participant.snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
  expect(archive.consents).toEqual([expect.objectContaining({ kind: 'pd_processing', withdrawnAt: null })]);
  expect(archive.familyLinks).toEqual([expect.objectContaining({ role: 'parent' })]);
  expect(archive.accessLog.map((e: { action: string }) => e.action)).toContain('consent.given');

  const [pdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Скачать данные ребёнка (PDF)' }).click()]);
  expect((await fs.readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

  await section.getByRole('button', { name: 'Удалить учётную запись ребёнка' }).click();
  await expect(section.getByText(/Через 30 дней все данные ребёнка/)).toBeVisible();
  await expect(section.getByText(/Дата удаления:/)).toBeVisible();
  const confirm = section.getByRole('button', { name: 'Запросить удаление' });
  await expect(confirm).toBeDisabled();
  await section.getByLabel('Я понимаю, что данные будут удалены навсегда').check();
  await confirm.click();

  await expect(section.getByText('Учётная запись ребёнка заморожена')).toBeVisible();
  await expect(section.getByText(/Все данные будут удалены \d{1,2} [а-я]+ \d{4}/)).toBeVisible();
  await saveScreenshot(page, 'parent-child-frozen');
  // Still frozen after a reload: the state is the server's.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Данные ребёнка на платформе' }).getByText('Учётная запись ребёнка заморожена')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Отменить удаление' })).toBeVisible();
  await context.close();
});

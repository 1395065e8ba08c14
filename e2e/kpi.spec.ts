import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { KPI_METRICS } from '../common/kpi.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

test.describe.configure({ mode: 'serial' });

async function openDashboard(page: Page, email: string): Promise<void> {
  await signInAsStaff(page, email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Показатели' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Показатели: / })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Показатели за период' })).toBeVisible();
}

/** Downloads the figures as XLSX from the page's menu and reads the workbook back. */
async function downloadFigures(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Скачать' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Показатели: XLSX' }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  await page.keyboard.press('Escape');
  return book.worksheets[0]!.getSheetValues().flat().map(String);
}

async function setTarget(page: Page, metric: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Изменить цели' }).click();
  const dialog = page.getByRole('dialog', { name: /^Цели: / });
  await dialog.getByLabel(metric, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
}

test('the coordinator follows its region, sets a school’s target, drills down and downloads a workbook that opens', async ({ page }) => {
  await openDashboard(page, 'coordinator@bilet.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели: Кировская область' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'kpi-coordinator');
  const cells = await downloadFigures(page);
  expect(cells).toContain(KPI_METRICS.pupils_registered.name);

  const schools = page.getByRole('region', { name: 'Школы' });
  await schools.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Показатели: / })).not.toHaveText('Показатели: Кировская область');
  await setTarget(page, KPI_METRICS.pupils_registered.name, '120');
  await expect(page.getByText('Цель: 120').first()).toBeVisible();
});

test('the school sets a navigator’s target from its dashboard and downloads its season report', async ({ page }) => {
  await openDashboard(page, 'school@bilet.demo');
  const navigators = page.getByRole('region', { name: 'Педагоги-навигаторы' });
  await navigators.getByRole('button', { name: /^Цели: / }).first().click();
  const dialog = page.getByRole('dialog', { name: /^Цели: / });
  await dialog.getByLabel(KPI_METRICS.plans_published.name, { exact: true }).fill('15');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Скачать' }).click();
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Отчёт за сезон (PDF)' }).click()]);
  const fs = await import('node:fs/promises');
  expect((await fs.readFile(await report.path())).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoSeriousA11yViolations(page);
});

for (const email of ['admin@bilet.demo', 'venue@bilet.demo', 'navigator@bilet.demo', 'mentor@bilet.demo']) {
  test(`${email} opens its own dashboard and downloads its figures`, async ({ page }) => {
    await openDashboard(page, email);
    expect(await downloadFigures(page)).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
    await expectNoSeriousA11yViolations(page);
  });
}

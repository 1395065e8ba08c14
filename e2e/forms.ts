import { expect, type Locator, type Page } from '@playwright/test';

export interface ChildData {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  grade: number;
  snils: string;
  /** A school of the list; without it the form says the school is not listed and types «Школа № 14». */
  school?: string;
}

/**
 * Mantine's Select: open it, type to narrow when it is searchable, pick the option. `within` is
 * the dialog holding the field when the page behind it has a field of the same name.
 */
export async function choose(page: Page, label: string, option: string, search?: string, within?: Locator): Promise<void> {
  const root = within ?? page;
  const input = root.getByRole('textbox', { name: label }).or(root.getByLabel(label, { exact: true })).first();
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}

/** The child's block shared by the registration form and the parent's "create a cabinet" form. */
export async function fillChildFields(page: Page, child: ChildData): Promise<void> {
  await page.getByLabel('Фамилия', { exact: true }).fill(child.lastName);
  await page.getByLabel('Имя', { exact: true }).fill(child.firstName);
  await page.getByLabel('Отчество', { exact: true }).fill(child.middleName);
  await page.getByLabel('Дата рождения', { exact: true }).fill(child.birthDate);
  await page.getByLabel('СНИЛС', { exact: true }).fill(child.snils);
  await choose(page, 'Класс', `${child.grade} класс`);
  await choose(page, 'Регион', 'Кировская область', 'Киров');
  await choose(page, 'Город', 'Киров');
  if (child.school) {
    await choose(page, 'Школа', child.school);
    return;
  }
  await page.getByLabel('Моей школы нет в списке').check();
  await page.getByLabel('Название школы').fill('Школа № 14');
}

/** The registration form as an invited child sends it: the child's block, contacts, a password and the rules. */
export async function registerInvitedChild(page: Page, child: ChildData, email: string): Promise<void> {
  await fillChildFields(page, child);
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByLabel('Телефон', { exact: true }).fill('+7 912 000-55-66');
  await page.getByLabel('Пароль', { exact: true }).fill('звёздное-небо-2026');
  await page.getByLabel('Согласен(на) с правилами участия').check();
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page).toHaveURL(/\/participant/);
}

import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { completeInn, completeOgrn } from '../common/validators.js';
import { choose, type ChildData } from './forms.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, linkFromMailbox, saveScreenshot, uniqueEmail, validSnils } from './support.js';
import { signInAsStaff, signOut } from './staff.js';

const NEW_PASSWORD = 'надёжный-пароль-2026';

/** An ИНН/ОГРН pair with correct check digits, different in every run. */
function legalIds(): { inn: string; ogrn: string } {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  return { inn: completeInn(`43${digits(7)}`), ogrn: completeOgrn(`1024${digits(8)}`) };
}

const run = Math.random().toString(36).slice(2, 7);
const school = { name: `Лицей «Вектор» ${run}`, responsible: uniqueEmail('director'), ...legalIds() };
const venue = { name: `Технопарк «Кванториум» ${run}`, responsible: uniqueEmail('venue-head'), ...legalIds() };
const navigatorEmail = uniqueEmail('navigator');
const mentorEmail = uniqueEmail('mentor');
const placeName = `Лаборатория робототехники ${run}`;

async function registerOrganisation(page: Page, kind: 'school' | 'venue', org: typeof school): Promise<void> {
  await page.goto('/staff/organisations');
  if (kind === 'venue') await page.getByRole('radio', { name: 'Площадки' }).or(page.getByRole('tab', { name: 'Площадки' })).first().click();
  await page.getByRole('button', { name: kind === 'school' ? 'Зарегистрировать школу' : 'Зарегистрировать площадку' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название', { exact: true }).fill(org.name);
  await dialog.getByLabel('ИНН', { exact: true }).fill(org.inn);
  await dialog.getByLabel('ОГРН', { exact: true }).fill(org.ogrn);
  await choose(page, 'Город', 'Киров', undefined, dialog);
  await dialog.getByLabel('Адрес', { exact: true }).fill('г. Киров, ул. Московская, д. 12');
  if (kind === 'venue') {
    await dialog.getByRole('textbox', { name: 'Компетенции' }).or(dialog.getByLabel('Компетенции')).first().click();
    await page.getByRole('option', { name: 'Мобильная робототехника' }).click();
    await dialog.getByLabel('Название', { exact: true }).click();
  }
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Смирнова');
  await dialog.getByLabel('Имя', { exact: true }).fill('Елена');
  await dialog.getByLabel('Электронная почта', { exact: true }).fill(org.responsible);
  await dialog.getByRole('button', { name: /^Зарегистрировать/ }).click();
  await expect(page.getByRole('heading', { name: org.name })).toBeVisible();
}

/** The invited person follows the e-mailed link, chooses a password and accepts the staff consent. */
async function acceptInvitation(page: Page, email: string): Promise<void> {
  const link = await linkFromMailbox(page.request, email, /Приглашение в платформу/, '/staff-invitation');
  await page.goto(link);
  await page.getByLabel('Пароль', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Пароль ещё раз', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: /Принять|Войти|Сохранить/ }).click();
  await expect(page).toHaveURL(/\/staff\/consent/);
  await page.getByLabel('Я прочитал(а) согласие и принимаю его').check();
  await page.getByRole('button', { name: 'Принять и продолжить' }).click();
  await expect(page.getByRole('navigation', { name: 'Разделы кабинета' })).toBeVisible();
}

/** The school's administrator accepts the operator's instruction, which opens its pupils' data. */
async function acceptInstruction(page: Page): Promise<void> {
  await expect(page.getByText('Данные учеников закрыты')).toBeVisible();
  await page.getByRole('link', { name: 'Открыть поручение' }).click();
  await expect(page.getByRole('heading', { name: 'Поручение оператора на обработку персональных данных' })).toBeVisible();
  await page.getByLabel('Я прочитал(а) поручение и принимаю его от имени организации').check();
  await page.getByRole('button', { name: 'Принять поручение' }).click();
  await expect(page.getByText('Поручение принято')).toBeVisible();
  await expect(page.getByText('Данные учеников закрыты')).toBeHidden();
}

interface Pupil extends ChildData {
  email: string;
}

const pupils: Pupil[] = [
  { lastName: 'Орлов', firstName: 'Никита', middleName: 'Андреевич', birthDate: '2013-03-14', snils: validSnils(), email: uniqueEmail('orlov'), grade: 7 },
  { lastName: 'Зайцева', firstName: 'Алиса', middleName: 'Петровна', birthDate: '2013-07-02', snils: validSnils(), email: uniqueEmail('zaitseva'), grade: 7 },
  { lastName: 'Ким', firstName: 'Тимур', middleName: '', birthDate: '2013-11-23', snils: validSnils(), email: uniqueEmail('kim'), grade: 7 },
];

/** Chooses the file on the import page and sends it for checking. */
async function checkFile(page: Page, file: string): Promise<void> {
  await page.goto('/staff/imports');
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page.getByRole('heading', { name: 'Проверка файла' })).toBeVisible();
}

/** The class list as a school would export it from its records, in the platform's template columns. */
async function classFile(path: string, rows: Pupil[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Участники');
  sheet.addRow(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'СНИЛС', 'Класс', 'Электронная почта']);
  for (const p of rows) sheet.addRow([p.lastName, p.firstName, p.middleName, p.birthDate, p.snils, p.grade, p.email]);
  await book.xlsx.writeFile(path);
}

test.describe.serial('organisations: a coordinator registers a school and a venue, which set themselves up', () => {
  test('the coordinator registers a school and a venue', async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsStaff(page, 'coordinator@bilet.demo', DEMO_PASSWORD);
    await registerOrganisation(page, 'school', school);
    await registerOrganisation(page, 'venue', venue);
    await page.goto('/staff/organisations');
    await expect(page.getByRole('link', { name: school.name })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'coordinator-organisations');
    await signOut(page);
  });

  test('the school accepts the invitation and the instruction, imports a class with a bad row, fixes it, re-imports, uploads a consent, registers a navigator and assigns pupils', async ({ page }, info) => {
    test.setTimeout(240_000);
    await acceptInvitation(page, school.responsible);
    await acceptInstruction(page);

    const bad = info.outputPath('class-7a-bad.xlsx');
    await classFile(bad, [pupils[0]!, { ...pupils[1]!, snils: '123-456-789 00' }, pupils[2]!]);
    await checkFile(page, bad);
    const errors = page.getByRole('table', { name: 'Ошибки в строках файла' });
    await expect(errors).toContainText('СНИЛС');
    await expect(page.getByText('Строки с ошибками, не будут загружены: 1')).toBeVisible();
    await saveScreenshot(page, 'school-import-errors');
    await page.getByRole('button', { name: 'Отменить и выбрать другой файл' }).click();

    const fixed = info.outputPath('class-7a.xlsx');
    await classFile(fixed, pupils);
    await checkFile(page, fixed);
    await expect(page.getByText('Будут зарегистрированы: 3')).toBeVisible();
    await page.getByRole('button', { name: 'Загрузить учеников: 3' }).click();
    await expect(page.getByText('Импорт завершён')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Зарегистрировано новых учеников: 3/)).toBeVisible();

    await checkFile(page, fixed);
    await expect(page.getByText('Уже зарегистрированы в вашей школе, будут пропущены: 3')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Загружать нечего' })).toBeDisabled();
    await page.getByRole('button', { name: 'Отменить и выбрать другой файл' }).click();

    await page.goto('/staff/paper-consents');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'soglasie-orlov.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect(page.getByRole('link', { name: /soglasie-orlov/ }).first()).toBeVisible();

    await page.goto('/staff/team');
    await page.getByRole('button', { name: 'Пригласить сотрудника' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Роль', 'Педагог-навигатор', undefined, dialog);
    await dialog.getByLabel('Фамилия', { exact: true }).fill('Никифорова');
    await dialog.getByLabel('Имя', { exact: true }).fill('Дарья');
    await dialog.getByLabel('Электронная почта', { exact: true }).fill(navigatorEmail);
    await dialog.getByRole('button', { name: /Пригласить|Отправить/ }).click();
    await expect(page.getByText(navigatorEmail, { exact: true })).toBeVisible();

    await page.goto('/staff/participants');
    for (const p of pupils.slice(0, 2)) {
      await page.getByRole('row', { name: new RegExp(p.lastName) }).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: /Назначить навигатора/ }).click();
    const assign = page.getByRole('dialog', { name: 'Назначить навигатора' });
    await assign.getByRole('combobox', { name: 'Навигатор' }).click();
    await page.getByRole('option', { name: /Никифорова/ }).click();
    await assign.getByRole('button', { name: 'Назначить', exact: true }).click();
    await expect(assign).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(pupils[0]!.lastName) })).toContainText('Никифорова');
    // The total comes from the school's counter; the search reads any part of a name from three
    // letters, the start of the last name below that, and lives in the address with the sort.
    await expect(page.getByText(`Найдено: ${pupils.length} записи`)).toBeVisible();
    const search = page.getByRole('searchbox', { name: 'Поиск по ФИО или почте' });
    await search.fill('йцев');
    await expect(page.getByRole('row', { name: /Зайцева/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Орлов/ })).toHaveCount(0);
    await expect(page).toHaveURL(/q=%D0%B9%D1%86%D0%B5%D0%B2/);
    await search.fill('ки');
    await expect(page.getByRole('row', { name: /Ким/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Никита/ })).toHaveCount(0);
    await search.fill('');
    await expect(page.getByRole('row', { name: /Орлов/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'school-participants');
    await signOut(page);
  });

  test('the venue accepts, registers a place and a mentor', async ({ page }) => {
    test.setTimeout(120_000);
    await acceptInvitation(page, venue.responsible);
    await page.goto('/staff/places');
    await page.getByRole('button', { name: /Добавить место|Новое место/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Название', { exact: true }).fill(placeName);
    await choose(page, 'Город', 'Киров', undefined, dialog);
    await dialog.getByLabel('Адрес', { exact: true }).fill('г. Киров, ул. Ленина, д. 100');
    await dialog.getByLabel('Вход без ступенек или с пандусом').check();
    await dialog.getByRole('button', { name: /Сохранить|Добавить место/ }).last().click();
    await expect(page.getByText(placeName, { exact: true })).toBeVisible();

    await page.goto('/staff/team');
    await page.getByRole('button', { name: 'Пригласить сотрудника' }).click();
    const invite = page.getByRole('dialog');
    await choose(page, 'Роль', 'Наставник', undefined, invite);
    await invite.getByLabel('Фамилия', { exact: true }).fill('Громов');
    await invite.getByLabel('Имя', { exact: true }).fill('Артур');
    await invite.getByLabel('Электронная почта', { exact: true }).fill(mentorEmail);
    await invite.getByRole('textbox', { name: 'Компетенции' }).or(invite.getByLabel('Компетенции')).first().click();
    await page.getByRole('option', { name: 'Мобильная робототехника' }).click();
    await invite.getByLabel('Фамилия', { exact: true }).click();
    await invite.getByRole('button', { name: /Пригласить|Отправить/ }).click();
    await expect(page.getByText(mentorEmail, { exact: true })).toBeVisible();
    await saveScreenshot(page, 'venue-team');
    await signOut(page);
  });

  test('a coordinator of another region sees none of it', async ({ page }) => {
    test.setTimeout(180_000);
    const other = uniqueEmail('tatarstan');
    await signInAsStaff(page, 'admin@bilet.demo', DEMO_PASSWORD);
    await page.goto('/staff/team');
    await page.getByRole('button', { name: 'Пригласить сотрудника' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Роль', 'Региональный координатор', undefined, dialog);
    await choose(page, 'Регион', 'Республика Татарстан', 'Татар', dialog);
    await dialog.getByLabel('Фамилия', { exact: true }).fill('Хасанов');
    await dialog.getByLabel('Имя', { exact: true }).fill('Рустам');
    await dialog.getByLabel('Электронная почта', { exact: true }).fill(other);
    await dialog.getByRole('button', { name: /Пригласить|Отправить/ }).click();
    await expect(page.getByText(other, { exact: true })).toBeVisible();
    await signOut(page);

    const link = await linkFromMailbox(page.request, other, /Приглашение в платформу/, '/staff-invitation');
    await page.goto(link);
    await page.getByLabel('Пароль', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Пароль ещё раз', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /Принять|Войти|Сохранить/ }).click();
    await signOut(page).catch(() => undefined);
    await signInAsStaff(page, other, NEW_PASSWORD);

    await page.goto('/staff/organisations');
    await expect(page.getByText(/Школ по этим условиям нет|Найдено/).first()).toBeVisible();
    await expect(page.getByText(school.name)).toHaveCount(0);
    await page.goto('/staff/participants');
    await expect(page.getByText(pupils[0]!.lastName)).toHaveCount(0);
    const places = await page.request.get('/api/places?pageSize=100');
    expect(JSON.stringify(await places.json())).not.toContain(placeName);
    const staff = await page.request.get(`/api/staff?q=${encodeURIComponent(navigatorEmail)}`);
    expect((await staff.json()).total).toBe(0);
  });
});

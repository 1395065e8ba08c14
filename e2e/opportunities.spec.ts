import { expect, test } from '@playwright/test';
import { choose } from './forms.js';
import { signInAsDemoPupil } from './pupil.js';
import { signInAsStaff } from './staff.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations } from './support.js';

const FORM_TITLE = 'Кружок юных химиков «Колба»';
const IMPORTED_TITLE = 'Экскурсия на завод «Вятский пример»';

const HEADER = 'Вид;Название;Организация;Описание;Программы;Сферы;Компетенции;Класс с;Класс по;Город;Адрес;Онлайн;Доступно детям с ОВЗ;Условия для детей с ОВЗ;Бесплатно;Стоимость;Начало;Окончание;Ссылка;Контакт';
const CSV = [
  HEADER,
  `Работодатель;${IMPORTED_TITLE};Завод «Пример»;Проходим по цехам и знакомимся с инженерами завода.;;;Сварочные технологии;8;11;Киров;ул. Заводская, 1;нет;да;Маршрут без лестниц;да;;;;https://example.ru;+7 900 000-00-00`,
  'Кружок;Строка с ошибкой;Дом творчества;Описание <b>с разметкой</b> для проверки;;;Сварочные технологии;5;9;Киров;;нет;нет;;да;;;;;',
].join('\n');

test('the coordinator adds an opportunity by the form and by a file, and the pupil opens its card', async ({ browser }) => {
  const coordinator = await (await browser.newContext()).newPage();
  await signInAsStaff(coordinator, 'coordinator@bilet.demo', DEMO_PASSWORD);

  await coordinator.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Возможности' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Возможности региона' })).toBeVisible();
  await coordinator.getByRole('link', { name: 'Добавить возможность' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Новая возможность' })).toBeVisible();
  await choose(coordinator, 'Вид', 'Кружок, дополнительное образование');
  await coordinator.getByLabel('Название', { exact: true }).fill(FORM_TITLE);
  await coordinator.getByLabel('Организация', { exact: true }).fill('Станция юных натуралистов');
  await coordinator.getByLabel('Описание', { exact: true }).fill('Ставим опыты, учимся работать с реактивами и готовим исследовательские работы.');
  const competencies = coordinator.getByRole('textbox', { name: 'Компетенции' }).or(coordinator.getByLabel('Компетенции')).first();
  await competencies.click();
  await competencies.fill('Лабораторный химический');
  await coordinator.getByRole('option', { name: 'Лабораторный химический анализ' }).click();
  await coordinator.keyboard.press('Escape');
  await choose(coordinator, 'Город', 'Киров');
  await coordinator.getByRole('button', { name: 'Сохранить' }).click();
  await expect(coordinator).toHaveURL(/\/staff\/opportunities$/);
  await coordinator.getByLabel('Поиск по названию или организации').fill('Колба');
  await expect(coordinator.getByRole('link', { name: FORM_TITLE })).toBeVisible();

  await coordinator.getByRole('link', { name: 'Загрузить из файла' }).click();
  await coordinator.locator('input[type="file"]').setInputFiles({ name: 'возможности.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await coordinator.getByRole('button', { name: 'Проверить файл' }).click();
  const rows = coordinator.getByRole('table', { name: 'Проверка строк файла' });
  await expect(rows.getByRole('row').filter({ hasText: 'Строка с ошибкой' })).toContainText('Описание: HTML-разметка не допускается');
  await expect(rows.getByRole('row').filter({ hasText: 'Строка с ошибкой' })).toContainText('Класс с: Классы — с 6 по 11');
  await expect(rows.getByRole('row').filter({ hasText: IMPORTED_TITLE })).toContainText('Можно загрузить');
  await expectNoSeriousA11yViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Загрузить 1 возможность' }).click();
  await expect(coordinator).toHaveURL(/\/staff\/opportunities$/);
  await coordinator.getByLabel('Поиск по названию или организации').fill('Вятский пример');
  await expect(coordinator.getByRole('link', { name: IMPORTED_TITLE })).toBeVisible();
  await coordinator.getByLabel('Поиск по названию или организации').fill('Строка с ошибкой');
  await expect(coordinator.getByText('Ничего не нашлось')).toBeVisible();

  const found = await coordinator.request.get(`/api/staff/opportunities?q=${encodeURIComponent('Колба')}`);
  const id = ((await found.json()) as { items: Array<{ id: string }> }).items[0]!.id;

  const pupil = await (await browser.newContext()).newPage();
  await signInAsDemoPupil(pupil);
  await pupil.goto(`/opportunities/${id}`);
  await expect(pupil.getByRole('heading', { level: 1, name: FORM_TITLE })).toBeVisible();
  await expect(pupil.getByText('Лабораторный химический анализ')).toBeVisible();
  await expect(pupil.getByText('Бесплатно')).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
});

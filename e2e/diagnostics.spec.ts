import { expect, test } from '@playwright/test';
import { answerCurrent, answerToTheEnd, signInAsDemoPupil, startTestFromCatalogue } from './pupil.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

const TITLE = 'Я и техника: короткая проверка';

/** A methodologist's small test; `broken` keys a scale to an item that is not there. */
function definition(broken: boolean): string {
  return `format: 1
slug: e2e-technology-interest
kind: test
title: "${TITLE}"
summary: Четыре вопроса о том, насколько тебе интересна техника
description: Короткий тест, чтобы понять, тянет ли тебя к технике и программированию.
gradeBands: ["6-7"]
durationMinutes: 2
retakeAfterDays: 0
source: Авторские задания методиста
licence: CC BY 4.0
items:
  - { id: q1, type: likert, points: 5, text: "Мне нравится разбираться, как устроены приборы" }
  - { id: q2, type: likert, points: 5, text: "Я бы хотел(а) написать свою игру" }
  - { id: q3, type: likert, points: 5, text: "Мне скучно собирать конструктор" }
  - { id: q4, type: single, text: "Что выберешь на выходные?", options: [{ id: robots, text: "Кружок робототехники" }, { id: theatre, text: "Театральную студию" }] }
scales:
  - id: tech
    title: Интерес к технике
    keys: [{ item: q1 }, { item: ${broken ? 'q9' : 'q2'} }, { item: q3, reverse: true }, { item: q4, option: robots, weight: 5 }]
    maps: [{ dimension: "sphere:it" }, { dimension: "sphere:industry", weight: 0.5 }]
    levels:
      - { from: 0, to: 39, title: Пока не твоё, text: Техника тебя пока не увлекает — попробуй другие сферы. }
      - { from: 40, to: 69, title: Есть интерес, text: Техника тебе интересна — загляни на профпробу по робототехнике. }
      - { from: 70, to: 100, title: Ярко выражено, text: Тебя явно тянет к технике — попробуй программирование и мехатронику. }
`;
}

test('a methodologist publishes a test; a 7th-grader takes tests and a game, resumes after closing the page; the parent sees the results, another school’s navigator does not', async ({ browser }) => {
  test.setTimeout(300_000);

  const methodologist = await (await browser.newContext()).newPage();
  await signInAsStaff(methodologist, 'methodologist@bilet.demo', DEMO_PASSWORD);
  await methodologist.getByRole('link', { name: 'Тесты и игры' }).first().click();
  await methodologist.getByRole('link', { name: 'Новый тест' }).click();
  const editor = methodologist.getByLabel('Определение (YAML или JSON)');
  await editor.fill(definition(true));
  await methodologist.getByRole('button', { name: 'Проверить' }).click();
  await expect(methodologist.getByRole('button', { name: /Строка 20, поле scales\.0\.keys\.1\.item: Задания «q9» в тесте нет/ })).toBeVisible();
  await expectNoSeriousA11yViolations(methodologist);
  await editor.fill(definition(false));
  await methodologist.getByRole('button', { name: 'Проверить' }).click();
  await expect(methodologist.getByText('Ошибок нет')).toBeVisible();
  await methodologist.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(methodologist.getByText(/Черновик сохранён: версия 1/)).toBeVisible();
  await methodologist.getByRole('button', { name: 'Опубликовать' }).click();
  await methodologist.getByRole('button', { name: 'Да, опубликовать' }).click();
  await expect(methodologist.getByText(/Версия 1 опубликована/)).toBeVisible();
  await saveScreenshot(methodologist, 'methodologist-workbench');

  const pupilContext = await browser.newContext();
  let pupil = await pupilContext.newPage();
  await signInAsDemoPupil(pupil);
  await startTestFromCatalogue(pupil, TITLE);
  await expect(pupil.getByText('Вопрос 1 из 4')).toBeVisible();
  await answerCurrent(pupil);
  await pupil.getByRole('button', { name: 'Далее' }).click();
  await answerCurrent(pupil);
  // The pupil closes the tab halfway; the answers are already on the server.
  await pupil.close();
  pupil = await pupilContext.newPage();
  await pupil.goto('/participant/diagnostics');
  await pupil.getByRole('link', { name: `Продолжить: ${TITLE}` }).click();
  await expect(pupil.getByText('Вопрос 3 из 4')).toBeVisible();
  await answerToTheEnd(pupil);
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
  await expect(pupil.getByText('Интерес к технике').first()).toBeVisible();
  await expect(pupil.getByText(/Есть интерес|Ярко выражено|Пока не твоё/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'diagnostics-result');

  await startTestFromCatalogue(pupil, 'Какой я в деле');
  await answerToTheEnd(pupil);
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//);
  await expect(pupil.getByText('Какой я в деле').first()).toBeVisible();

  await pupil.goto('/participant/diagnostics');
  await pupil.getByRole('button', { name: 'Начать: Таблицы Шульте: внимание' }).click();
  await pupil.getByRole('button', { name: 'Начать', exact: true }).click();
  const cells = pupil.getByRole('button', { name: /^Число \d+$/ });
  for (let table = 0; table < 10; table++) {
    if (!(await cells.first().isVisible().catch(() => false))) break;
    const count = await cells.count();
    for (let n = 1; n <= count; n++) {
      await pupil.getByRole('button', { name: `Число ${n}`, exact: true }).click();
      // A person needs time to find the next number; the server refuses play faster than that.
      await pupil.waitForTimeout(150);
    }
  }
  await expect(pupil).toHaveURL(/\/participant\/diagnostics\/results\//, { timeout: 30_000 });
  await expect(pupil.getByText(/Внимание|внимание/).first()).toBeVisible();

  await pupil.getByRole('link', { name: /В кабинет|Мой цифровой след/ }).first().click();
  await pupil.goto('/participant/footprint');
  await expect(pupil.getByText('Интересы').first()).toBeVisible();
  await expect(pupil.getByText('ИТ и цифровые технологии').first()).toBeVisible();
  await expect(pupil.getByText('Знания и навыки').first()).toBeVisible();
  await expectNoSeriousA11yViolations(pupil);
  await saveScreenshot(pupil, 'footprint');

  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/signin');
  await parent.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await parent.getByRole('listitem').filter({ hasText: 'Иванова Мария' }).getByRole('button', { name: 'Войти' }).click();
  await expect(parent).toHaveURL(/\/parent$/);
  await parent.getByRole('link', { name: /Результаты диагностики/ }).first().click();
  await expect(parent).toHaveURL(/\/parent\/children\/[0-9a-f-]+\/diagnostics/);
  const pupilId = /children\/([0-9a-f-]+)\//.exec(parent.url())![1]!;
  await expect(parent.getByText(TITLE).first()).toBeVisible();
  await expect(parent.getByText('Какой я в деле').first()).toBeVisible();
  await expectNoSeriousA11yViolations(parent);
  await saveScreenshot(parent, 'parent-diagnostics');

  const stranger = await (await browser.newContext()).newPage();
  await signInAsStaff(stranger, 'navigator2@bilet.demo', DEMO_PASSWORD);
  await stranger.goto(`/staff/pupils/${pupilId}/diagnostics`);
  await expect(stranger.getByText('Ученик не найден')).toBeVisible();
  await expect(stranger.getByText(TITLE)).toHaveCount(0);
});

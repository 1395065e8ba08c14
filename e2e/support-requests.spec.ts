import { expect, test, type Browser, type Page } from '@playwright/test';
import { choose } from './forms.js';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, linkFromMailbox, saveScreenshot } from './support.js';
import { signInAsStaff } from './staff.js';

const DRAFT_KEY = 'bilet.support.draft';
const QUESTION = 'Ребёнок прошёл тест «Какой я в деле», а в моём кабинете результатов не видно. Где их найти?';
const ANSWER = 'Результаты появляются в разделе «Диагностика» карточки ребёнка сразу после окончания теста.';

async function signInAsDemoParent(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).first().click();
  await page.getByRole('listitem').filter({ hasText: 'Иванова Мария' }).getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/parent$/);
  return page;
}

let operatorPage: Page | null = null;

/** The operator signs in once for the file: the second factor accepts each 30-second code once. */
async function operator(browser: Browser): Promise<Page> {
  if (operatorPage) return operatorPage;
  operatorPage = await (await browser.newContext()).newPage();
  await signInAsStaff(operatorPage, 'support@bilet.demo', DEMO_PASSWORD);
  return operatorPage;
}

test('a parent sends the request the chat bot prepared, an operator answers, the parent reads it in the cabinet and the mailbox', async ({ browser, request }) => {
  const parent = await signInAsDemoParent(browser);
  // What the chat bot leaves behind when nothing in the help centre helped.
  await parent.evaluate(
    ([key, question]) =>
      sessionStorage.setItem(
        key!,
        JSON.stringify({
          text: question,
          topic: 'diagnostics',
          conversation: [
            { author: 'person', text: 'где результаты теста ребёнка' },
            { author: 'bot', text: 'Не нашёл подходящей статьи. Отправьте обращение — оператор ответит.' },
          ],
        }),
      ),
    [DRAFT_KEY, QUESTION],
  );
  await parent.goto('/support/new');
  await expect(parent.getByRole('heading', { name: 'Переписка с чат-ботом' })).toBeVisible();
  await expect(parent.getByText('где результаты теста ребёнка')).toBeVisible();
  await expect(parent.getByLabel('Ваш вопрос')).toHaveValue(QUESTION);
  await expect(parent.getByLabel('Фамилия')).toHaveValue('Иванова');
  await expect(parent.getByLabel('Тема обращения', { exact: true })).toHaveValue('Онлайн-диагностика');
  const email = await parent.getByLabel('Электронная почта').inputValue();
  expect(email).toContain('@');
  expect(await parent.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toBeNull();
  await choose(parent, 'Регион (субъект РФ)', 'Кировская область', 'Киров');
  await expectNoSeriousA11yViolations(parent);
  await parent.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(parent.getByText(/Обращение № \w+ принято/)).toBeVisible();

  const desk = await operator(browser);
  await desk.goto('/staff/support');
  await expect(desk.getByRole('heading', { name: 'Показатели за 30 дней' })).toBeVisible();
  await expectNoSeriousA11yViolations(desk);
  await desk.getByRole('row').filter({ hasText: 'Иванова Мария' }).filter({ hasText: 'Онлайн-диагностика' }).getByRole('link').first().click();
  await expect(desk.getByText('Принято: ни одно правило не сработало.')).toBeVisible();
  await expect(desk.getByText(/Переписка с чат-ботом:/)).toBeVisible();
  await desk.getByLabel('Ответ заявителю').fill(ANSWER);
  await desk.getByRole('button', { name: 'Ответить' }).click();
  await expect(desk.getByText(ANSWER)).toBeVisible();
  await expectNoSeriousA11yViolations(desk);
  await saveScreenshot(desk, 'support-desk-request');

  await parent.goto('/parent/support');
  const thread = parent.getByRole('article').filter({ hasText: QUESTION });
  await expect(thread.getByText('Дан ответ')).toBeVisible();
  await expect(thread.getByText(ANSWER)).toBeVisible();
  await expectNoSeriousA11yViolations(parent);

  const link = await linkFromMailbox(request, email, /Ответ на обращение/, '/support/r/');
  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto(link);
  await expect(signedOut.getByText(ANSWER)).toBeVisible();
  await expectNoSeriousA11yViolations(signedOut);
});

test('requests in English, with an obscenity, without a question and repeating a resolved one end without an answer, each showing its rule', async ({ browser, baseURL }) => {
  const desk = await operator(browser);
  const person = await (await browser.newContext()).newPage();
  const email = `repeat.${Date.now()}@example.ru`;
  const send = async (text: string, topic = 'registration') => {
    const res = await person.request.post('/api/support/requests', {
      headers: { origin: baseURL! },
      data: { regionId: 1, lastName: 'Кузнецова', firstName: 'Ольга', email, topic, text },
    });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; status: string };
  };
  const resolved = await send('Как привязать кабинет ребёнка к моему, если приглашение не пришло на почту?', 'linking');
  const answered = await desk.request.post(`/api/support/desk/requests/${resolved.id}/answers`, { headers: { origin: baseURL! }, data: { text: 'Отправьте приглашение ещё раз.' } });
  expect(answered.status()).toBe(200);

  const cases = [
    { text: 'Hello! My son cannot sign in to his account. What should we do about the password?', rule: 'Обращение написано не на русском языке' },
    { text: 'Что за хуйня с регистрацией, почему ребёнка не видно в кабинете?', rule: 'В обращении есть нецензурные или оскорбительные слова' },
    { text: 'Здравствуйте!', rule: 'В обращении нет конкретного вопроса', topic: 'other' },
    { text: 'Как привязать кабинет ребёнка к моему, если приглашение не пришло на почту?', rule: 'Этот вопрос уже решён в вашем прежнем обращении', topic: 'linking' },
  ];
  for (const c of cases) {
    const created = await send(c.text, c.topic);
    expect(created.status).toBe('no_answer');
    await desk.goto(`/staff/support/${created.id}`);
    await expect(desk.getByText('Оставлено без ответа').first()).toBeVisible();
    await expect(desk.getByTestId('intake-rule')).toHaveText(c.rule);
    await expect(desk.getByLabel('Ответ заявителю')).toHaveCount(0);
  }
  await expectNoSeriousA11yViolations(desk);
  await desk.goto('/staff/support');
  await choose(desk, 'Правило', 'В обращении нет конкретного вопроса');
  await expect(desk.getByRole('row').filter({ hasText: 'Кузнецова Ольга' })).toHaveCount(1);
});

import crypto from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The password of every seeded demo account. */
export const DEMO_PASSWORD = 'bilet-demo-2026';

/** A random SNILS with a correct control number. */
export function validSnils(): string {
  const body = String(crypto.randomInt(2_000_000, 999_999_999)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const control = sum % 101 === 100 ? 0 : sum % 101;
  const digits = body + String(control).padStart(2, '0');
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${crypto.randomBytes(4).toString('hex')}@example.ru`;
}

export function birthDateForAge(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age - 1);
  d.setUTCMonth(6, 1);
  return d.toISOString().slice(0, 10);
}

/** Waits for a message in the dev mailbox and returns its first link to the given path. */
export async function linkFromMailbox(request: APIRequestContext, to: string, subject: RegExp, pathPrefix: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/dev/mail/messages.json?to=${encodeURIComponent(to)}`);
        const { messages } = (await res.json()) as { messages: Array<{ subject: string; text: string }> };
        const message = messages.find((m) => subject.test(m.subject));
        link = message?.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(pathPrefix));
        return Boolean(link);
      },
      { timeout: 20_000, message: `e-mail to ${to} with a link to ${pathPrefix}` },
    )
    .toBe(true);
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

export interface Citizen {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  snils: string;
  email: string;
}

export function newCitizen(): Citizen {
  return { lastName: 'Белова', firstName: 'Светлана', middleName: 'Игоревна', birthDate: '1983-09-14', snils: validSnils(), email: uniqueEmail('mama') };
}

/** On the ESIA emulator's page: creates a test citizen and signs in as them, as a tester would. */
export async function signInAtEsiaEmulator(page: Page, citizen: Citizen): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Вход через Госуслуги' })).toBeVisible();
  const form = page.locator('form[action$="/create"]');
  await form.getByLabel('Фамилия').fill(citizen.lastName);
  await form.getByLabel('Имя', { exact: true }).fill(citizen.firstName);
  await form.getByLabel('Отчество').fill(citizen.middleName);
  await form.getByLabel('Дата рождения').fill(citizen.birthDate);
  await form.getByLabel('СНИЛС').fill(citizen.snils);
  await form.getByLabel('Электронная почта').fill(citizen.email);
  await form.getByLabel('Почта подтверждена').check();
  await form.getByRole('button', { name: 'Создать и войти' }).click();
}

/** A full-page screenshot kept as a test artifact. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/screenshots/${name}.png`, fullPage: true });
}

/** axe finds nothing serious or critical on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

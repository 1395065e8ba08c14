import fs from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { expect, type Page } from '@playwright/test';

/**
 * TOTP keys the journeys set up, kept on disk beside the e2e database so every spec file (and a
 * retry in a new worker) signs in with the same authenticator "phone".
 */
const KEYS_FILE = path.resolve('e2e/.data/totp-keys.json');

interface Key {
  secret: string;
  lastStep: number;
}

function readKeys(): Record<string, Key> {
  return fs.existsSync(KEYS_FILE) ? (JSON.parse(fs.readFileSync(KEYS_FILE, 'utf8')) as Record<string, Key>) : {};
}

function writeKey(email: string, key: Key): void {
  fs.mkdirSync(path.dirname(KEYS_FILE), { recursive: true });
  fs.writeFileSync(KEYS_FILE, JSON.stringify({ ...readKeys(), [email]: key }));
}

/** A code for the next unused 30-second step: the server refuses a step it has already seen. */
async function nextCode(email: string, secret: string): Promise<string> {
  const last = readKeys()[email]?.lastStep ?? 0;
  let step = Math.floor(Date.now() / 30_000);
  if (step <= last) {
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  writeKey(email, { secret, lastStep: step });
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}

type Step = 'code' | 'setup' | 'consent' | 'home' | 'error';

async function currentStep(page: Page): Promise<Step | null> {
  if (await page.getByRole('heading', { name: 'Подтвердите вход' }).isVisible()) return 'code';
  if (await page.getByRole('alert').filter({ hasText: /Неверн|заблокир/ }).isVisible()) return 'error';
  const url = new URL(page.url());
  if (url.pathname === '/staff/second-factor') return 'setup';
  if (url.pathname === '/staff/consent') return 'consent';
  if (url.pathname.startsWith('/staff') && (await page.getByRole('navigation', { name: 'Разделы кабинета' }).isVisible())) return 'home';
  return null;
}

/**
 * Signs a staff member in the way a person would, through whatever the first sign-in asks for:
 * the code from the authenticator, setting it up (reading the key off the page), the consent.
 */
export async function signInAsStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  for (let round = 0; round < 6; round++) {
    let step: Step | null = null;
    await expect.poll(async () => (step = await currentStep(page)), { message: `sign-in step for ${email}` }).not.toBeNull();
    if (step === 'home') return;
    if (step === 'error') throw new Error(`Sign-in of ${email} was refused`);
    if (step === 'code') {
      const key = readKeys()[email];
      if (!key) throw new Error(`No authenticator key was saved for ${email}`);
      await page.getByLabel('Код из приложения').fill(await nextCode(email, key.secret));
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await expect(page.getByRole('heading', { name: 'Подтвердите вход' })).toBeHidden();
    }
    if (step === 'setup') {
      // The cabinet's gate may still move on to the consent: read the step again then.
      const showQr = page.getByRole('button', { name: 'Приложение есть — показать QR-код' });
      await expect(showQr.or(page.getByLabel('Я прочитал(а) согласие и принимаю его'))).toBeVisible();
      if (!(await showQr.isVisible())) continue;
      await showQr.click();
      const secret = (await page.locator('code').first().innerText()).replace(/\s+/g, '');
      await page.getByLabel('Код из приложения').fill(await nextCode(email, secret));
      await page.getByRole('button', { name: 'Включить вход с кодом' }).click();
      await page.getByRole('button', { name: 'Я сохранил коды' }).click();
    }
    if (step === 'consent') {
      await page.getByLabel('Я прочитал(а) согласие и принимаю его').check();
      await page.getByRole('button', { name: 'Принять и продолжить' }).click();
      await expect(page).not.toHaveURL(/\/staff\/consent/);
    }
  }
  throw new Error(`Sign-in of ${email} did not reach the cabinet`);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Выйти' }).first().click();
  await expect(page).not.toHaveURL(/\/staff/);
}

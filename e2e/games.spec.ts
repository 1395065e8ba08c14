import { expect, test, type Page } from '@playwright/test';
import { signInAsDemoPupil } from './pupil.js';
import { expectNoSeriousA11yViolations } from './support.js';

/** Opens a game from the catalogue and presses «Начать» with the keyboard. */
async function openGame(page: Page, title: string): Promise<void> {
  await page.goto('/participant/diagnostics');
  await page.getByRole('button', { name: `Начать: ${title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/participant\/diagnostics\/attempts\//);
  await page.getByRole('button', { name: 'Начать', exact: true }).focus();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Enter');
}

async function expectResult(page: Page, scale: string): Promise<void> {
  await expect(page).toHaveURL(/\/participant\/diagnostics\/results\//, { timeout: 30_000 });
  await expect(page.getByText(scale).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

const DIGIT_OF_INK: Record<string, string> = { красный: '1', синий: '2', зелёный: '3', жёлтый: '4' };

async function playStroop(page: Page): Promise<void> {
  await openGame(page, 'Цвет и слово: внимание и самоконтроль');
  const word = page.getByRole('img', { name: /^Слово «/ });
  for (let trial = 1; trial <= 24; trial++) {
    await expect(page.getByText(`Слово ${trial} из 24`, { exact: true })).toBeVisible();
    const label = (await word.getAttribute('aria-label', { timeout: 5000 }))!;
    const ink = /цвет букв — (\S+)/.exec(label)![1]!;
    if (trial === 3) await expectNoSeriousA11yViolations(page);
    // A person needs a moment to read the word; the game drops a press sooner than that.
    await page.waitForTimeout(300);
    await page.keyboard.press(DIGIT_OF_INK[ink]!);
  }
  await expectResult(page, 'Внимание и самоконтроль');
}

async function playNback(page: Page): Promise<void> {
  await openGame(page, 'Буквы назад: рабочая память');
  await expect(page.getByRole('button', { name: 'Совпадает' })).toBeFocused();
  const hint = (await page.getByText(/^Сравнивай /).textContent())!;
  const n = hint.includes('предыдущей') ? 1 : 2;
  // Letters come on a clock whether or not anyone looks, so the field is sampled rather than awaited:
  // the number of the letter and the letter itself are read together, in one look at the page.
  const seen = new Map<number, string>();
  let checked = false;
  while (!/\/results\//.test(page.url())) {
    const look = await page
      .evaluate(() => {
        const letter = document.querySelector('[role="img"][aria-label^="Буква "]')?.getAttribute('aria-label')?.slice(-1) ?? null;
        const progress = [...document.querySelectorAll('p')].map((p) => /^Буква (\d+) из \d+$/.exec(p.textContent ?? '')).find(Boolean);
        return { letter, trial: progress ? Number(progress[1]) : null };
      })
      .catch(() => ({ letter: null, trial: null }));
    if (look.letter && look.trial && !seen.has(look.trial)) {
      seen.set(look.trial, look.letter);
      if (look.trial > n && seen.get(look.trial - n) === look.letter) {
        await page.waitForTimeout(250);
        await page.keyboard.press('Space');
      }
      if (!checked && look.trial >= 4) {
        checked = true;
        await expectNoSeriousA11yViolations(page);
      }
    }
    await page.waitForTimeout(100);
  }
  expect(seen.size).toBeGreaterThan(10);
  await expectResult(page, 'Рабочая память');
}

type State = string[][];
const CAPACITIES = [3, 2, 1];

/** «Стержень 1 — снизу вверх: красный, зелёный» or «Стержень 2 — пусто» → the balls bottom up. */
function balls(description: string): string[] {
  const listed = /снизу вверх: ([^;]+)/.exec(description);
  return listed ? listed[1]!.split(', ').map((b) => b.trim()) : [];
}

/** The fewest moves between two arrangements, by breadth-first search. */
function solve(from: State, to: State): Array<[number, number]> {
  const key = (s: State) => JSON.stringify(s);
  const seen = new Set([key(from)]);
  const queue: Array<{ state: State; path: Array<[number, number]> }> = [{ state: from, path: [] }];
  for (;;) {
    const { state, path } = queue.shift()!;
    if (key(state) === key(to)) return path;
    for (let f = 0; f < 3; f++) {
      for (let g = 0; g < 3; g++) {
        if (f === g || state[f]!.length === 0 || state[g]!.length >= CAPACITIES[g]!) continue;
        const next = state.map((peg) => [...peg]);
        next[g]!.push(next[f]!.pop()!);
        if (!seen.has(key(next))) {
          seen.add(key(next));
          queue.push({ state: next, path: [...path, [f, g]] });
        }
      }
    }
  }
}

async function playTower(page: Page): Promise<void> {
  await openGame(page, 'Башня: планирование');
  await expect(page.getByRole('button', { name: /^Стержень 1 / })).toBeFocused();
  for (let problem = 1; problem <= 8; problem++) {
    await expect(page.getByText(`Задача ${problem} из 8`, { exact: true })).toBeVisible();
    const goalLabel = (await page.getByRole('img', { name: /^Образец\./ }).getAttribute('aria-label'))!;
    const goal = goalLabel.replace(/^Образец\. /, '').split('; ').map(balls);
    const state: State = [];
    for (let peg = 1; peg <= 3; peg++) state.push(balls((await page.getByRole('button', { name: new RegExp(`^Стержень ${peg} `) }).getAttribute('aria-label'))!));
    if (problem === 2) await expectNoSeriousA11yViolations(page);
    for (const [from, to] of solve(state, goal)) {
      // Two presses a move, each a little apart, as a person's would be.
      await page.waitForTimeout(150);
      await page.keyboard.press(String(from + 1));
      await page.waitForTimeout(150);
      await page.keyboard.press(String(to + 1));
    }
  }
  await expectResult(page, 'Планирование');
  await expect(page.getByText('Решено за наименьшее число ходов').first()).toBeVisible();
}

test('a pupil plays the Stroop, n-back and tower games by keyboard alone, and axe finds nothing serious in them', async ({ page }) => {
  // The n-back game alone runs on its clock for about 80 s; axe takes a while on a busy machine.
  test.setTimeout(600_000);
  await signInAsDemoPupil(page);
  await playStroop(page);
  await playNback(page);
  await playTower(page);
});

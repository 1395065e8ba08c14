/**
 * The intake rules of support requests (server/modules/support/intake-rules), timed per request as
 * the built server runs them: a mix of requests as pupils, parents and schools write them — short
 * and long, up to the form's 5,000 characters, some with obscene words, threats, a foreign language
 * or no question — each decided against 20 resolved requests of the same requester. Target: p99
 * under 5 ms per request, wall clock, on the quietest of three passes; the CPU time per request is
 * printed beside it. A worst case (every request and every resolved one at the full 5,000
 * characters) is timed as well, for information.
 */
import os from 'node:os';
import { fromDist } from './support.js';

type IntakeModule = typeof import('../server/modules/support/intake-rules/index.js');
type Apply = IntakeModule['applyIntakeRules'];
type Input = Parameters<Apply>[0];

export const INTAKE_TARGET_MS = 5;
const REQUEST_LIMIT = 5_000;
const RESOLVED_PER_REQUESTER = 20;
const WARMUP = 300;
const MEASURED = 5_000;
const WORST_MEASURED = 300;
/**
 * The same requests are timed in this many passes and the verdict taken on the quietest: on a
 * shared machine another process can take the core for milliseconds, which is not intake's cost.
 */
const PASSES = 3;

/** Sentences are put together from parts, so that requests vary as real ones do and rarely repeat. */
const WHO = ['Сын', 'Дочь', 'Ученик восьмого класса', 'Мой ребёнок', 'Наш класс', 'Подопечный', 'Внучка', 'Участница проекта', 'Пятиклассник', 'Старшеклассник'];
const DID = [
  'прошёл тесты онлайн-диагностики', 'записался на профессиональную пробу', 'принял приглашение из кабинета родителя',
  'загрузил бумажное согласие', 'зарегистрировался через Госуслуги', 'сменил адрес электронной почты', 'выбрал площадку в Казани',
  'посетил пробу по робототехнике', 'заполнил анкету профиля', 'получил рекомендации по учебному плану', 'открыл ссылку из рассылки',
  'перешёл в другую школу',
];
const BUT = [
  'но результаты не отображаются', 'но письмо с подтверждением не пришло', 'а статус не меняется третий день',
  'но страница зависает на пятнадцатом вопросе', 'а в расписании стоит другая площадка', 'но кнопка «Далее» пропала',
  'а система пишет, что СНИЛС 112-233-445 95 уже занят', 'но в Safari на iPhone видео не загружается',
  'а в кабинете родителя ничего не видно', 'но наставник не отметил посещение', 'а файл xlsx не принимается',
  'но ссылка https://bilet.worldskills.ru/#auth открывает пустую страницу',
];
const ASK = [
  'Что делать?', 'Куда обратиться?', 'Как это исправить?', 'Подскажите, пожалуйста, порядок действий.',
  'Нужно ли регистрироваться заново?', 'Сколько ждать?', 'Можно ли перенести запись на другой день?',
  'Кто может помочь в нашем регионе?', 'Напишите, пожалуйста, на ivan.petrov@gmail.com.', 'Есть ли инструкция для родителей?',
];
/** What the requester asked before and had resolved: other subjects than the new requests'. */
const EARLIER = [
  'Как поменять пароль от личного кабинета, если старый забыт?',
  'Где скачать справку об участии в проекте для школы?',
  'Можно ли участвовать в проекте, если ребёнку исполнилось восемнадцать?',
  'Почему в профиле неправильно указан регион и город?',
  'Как удалить второй аккаунт, созданный по ошибке?',
  'Какие компетенции доступны для шестиклассников в сельской местности?',
  'Нужна ли медицинская справка для пробы по поварскому делу?',
  'Как сменить школу в профиле после переезда в Тверь?',
  'Кто оплачивает проезд на очную пробу в соседний город?',
  'Можно ли проходить тесты с планшета на Android?',
  'Как скачать сертификат участника в формате PDF?',
  'Где найти методические рекомендации для классного руководителя?',
];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

function sentence(next: () => number): string {
  return `${pick(next, WHO)} ${pick(next, DID)}, ${pick(next, BUT)}. ${pick(next, ASK)}`;
}

const REFUSED = [
  'Да пошли вы нахуй со своей регистрацией, третий день не работает.',
  'Какие идиоты составляли эти тесты? Ребёнок плачет.',
  'Если завтра не вернёте доступ, я вас найду и убью.',
  'Я больше не хочу жить, все тесты провалены.',
  'Hello, I cannot register my son on the platform, the confirmation e-mail never arrives. Please help us.',
  'Добрий день, не можу зареєструвати дитину на платформі, лист не приходить.',
  'Помогите!!! Не работает!!!',
  'Здравствуйте.',
];
const TOPICS = ['Регистрация', 'Тесты', 'Согласие', 'Связка кабинетов', 'Мероприятия', 'Рекомендации', 'Школа', 'Вход'];

/** A fixed pseudo-random sequence (mulberry32): every run times the same requests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textOf(next: () => number, length: number): string {
  let text = next() < 0.5 ? 'Здравствуйте! ' : '';
  while (text.length < length) text += `${sentence(next)} `;
  return text.slice(0, Math.min(length, REQUEST_LIMIT)).trim();
}

function earlierText(next: () => number, length: number): string {
  let text = 'Добрый день. ';
  while (text.length < length) text += `${pick(next, EARLIER)} `;
  return text.slice(0, Math.min(length, REQUEST_LIMIT)).trim();
}

/** Most requests are a few sentences; some are long letters up to the limit. */
function lengthOf(next: () => number): number {
  const r = next();
  if (r < 0.55) return 40 + Math.floor(next() * 260);
  if (r < 0.9) return 300 + Math.floor(next() * 900);
  return 1_200 + Math.floor(next() * (REQUEST_LIMIT - 1_200));
}

function requests(count: number, seed: number, worst: boolean): Input[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const resolved = Array.from({ length: RESOLVED_PER_REQUESTER }, (_, j) => ({
      id: `r-${i}-${j}`,
      topic: pick(next, TOPICS),
      text: worst ? textOf(next, REQUEST_LIMIT) : earlierText(next, lengthOf(next)),
    }));
    const topic = pick(next, TOPICS);
    const roll = next();
    let text: string;
    if (worst) text = textOf(next, REQUEST_LIMIT);
    else if (roll < 0.1) text = pick(next, REFUSED);
    else if (roll < 0.13) text = pick(next, resolved).text;
    else text = textOf(next, lengthOf(next));
    return { topic, text, resolvedByRequester: resolved };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
  /** The process's CPU time per request: what intake costs, whatever else the machine runs. */
  cpuP99: number;
  refused: number;
}

function time(apply: Apply, inputs: readonly Input[]): Timing {
  const took: number[] = [];
  const cpu: number[] = [];
  let refused = 0;
  for (const input of inputs) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const decision = apply(input);
    took.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    if (decision.outcome === 'no_answer') refused += 1;
  }
  took.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(took, 50), p99: percentile(took, 99), max: took[took.length - 1]!, cpuP99: percentile(cpu, 99), refused };
}

export interface IntakeBenchResult {
  text: string;
  failures: string[];
}

export function benchIntake(apply: Apply): IntakeBenchResult {
  time(apply, requests(WARMUP, 7, false));
  const inputs = requests(MEASURED, 13, false);
  const passes = Array.from({ length: PASSES }, () => time(apply, inputs));
  const mix = passes.reduce((best, pass) => (pass.p99 < best.p99 ? pass : best));
  const worst = time(apply, requests(WORST_MEASURED, 17, true));
  const met = mix.p99 < INTAKE_TARGET_MS;
  const [load] = os.loadavg() as [number];
  const cores = os.availableParallelism();
  // With more runnable processes than cores, the wall clock measures the queue for a core. Intake's
  // own cost is then its CPU time: under the target, the run is not judged rather than failed.
  const crowded = !met && load > cores && mix.cpuP99 < INTAKE_TARGET_MS;
  const verdict = met ? 'PASS' : crowded ? `not judged: the machine is oversubscribed, and the CPU time p99 is under ${INTAKE_TARGET_MS} ms` : 'FAIL';
  return {
    text:
      `intake rules, per request: p50 ${mix.p50.toFixed(2)} ms, p99 ${mix.p99.toFixed(2)} ms, max ${mix.max.toFixed(2)} ms over ${MEASURED} requests ` +
      `(p99 of the ${PASSES} passes: ${passes.map((pass) => pass.p99.toFixed(2)).join(' / ')} ms; CPU time p99 ${mix.cpuP99.toFixed(2)} ms; ` +
      `load average ${load.toFixed(1)} on ${cores} cores; ${mix.refused} left without an answer; ${RESOLVED_PER_REQUESTER} resolved each; ` +
      `target p99 < ${INTAKE_TARGET_MS} ms: ${verdict})\n` +
      `intake rules, worst case (every text ${REQUEST_LIMIT} characters, for information): p50 ${worst.p50.toFixed(2)} ms, p99 ${worst.p99.toFixed(2)} ms, ` +
      `CPU time p99 ${worst.cpuP99.toFixed(2)} ms, max ${worst.max.toFixed(2)} ms over ${WORST_MEASURED}\n`,
    failures: met || crowded ? [] : [`intake p99 ${mix.p99.toFixed(2)} ms is over ${INTAKE_TARGET_MS} ms`],
  };
}

/** The rules as `npm start` runs them: compiled in dist/. */
export async function runIntakeBench(dist: string): Promise<IntakeBenchResult> {
  const { applyIntakeRules } = await fromDist<IntakeModule>(dist, 'server/modules/support/intake-rules/index.js');
  return benchIntake(applyIntakeRules);
}

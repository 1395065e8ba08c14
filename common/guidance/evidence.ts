/**
 * The Russian sentences that name a recommendation's evidence: which tests and which trials (with
 * the mentor's grade) made the footprint say what it says. Neutral in person, so the pupil, its
 * parents and its navigator read the same words.
 */
import { plural } from '../plural.js';

/** What the footprint's source `event:<id>` was: the trial's title and the mentor's grade, if given. */
export interface TrialEvidence {
  title: string;
  grade: number | null;
}

const NUMBERS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять'];

/** «три теста», «один тест», «12 тестов». */
export function countOfTests(n: number): string {
  return `${NUMBERS[n] ?? String(n)} ${plural(n, ['тест', 'теста', 'тестов'])}`;
}

export const TEST_SOURCE_PREFIX = 'test:';
export const EVENT_SOURCE_PREFIX = 'event:';

/** «три теста и оценка наставника 5 на пробе „…“»: every source of a dimension, trials named. */
export function evidenceOf(sourceKeys: Iterable<string>, trials: ReadonlyMap<string, TrialEvidence>): string {
  const keys = [...new Set(sourceKeys)];
  const tests = keys.filter((k) => k.startsWith(TEST_SOURCE_PREFIX)).length;
  const trialParts = keys
    .filter((k) => k.startsWith(EVENT_SOURCE_PREFIX))
    .flatMap((k) => {
      const trial = trials.get(k.slice(EVENT_SOURCE_PREFIX.length));
      if (!trial) return [];
      return [trial.grade === null ? `участие в пробе «${trial.title}»` : `оценка наставника ${trial.grade} на пробе «${trial.title}»`];
    });
  const parts = [...(tests > 0 ? [countOfTests(tests)] : []), ...trialParts.slice(0, 2)];
  if (trialParts.length > 2) parts.push(`ещё ${trialParts.length - 2} ${plural(trialParts.length - 2, ['проба', 'пробы', 'проб'])}`);
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)!}`;
}

/** «Интерес к сфере „…“: три теста и …» — or, with no source to name, an empty string. */
export function interestSentence(what: 'sphere' | 'competency', name: string, evidence: string): string {
  if (!evidence) return '';
  return `${what === 'sphere' ? 'Интерес к сфере' : 'Интерес к направлению'} «${name}»: ${evidence}`;
}

import { COURTESIES, FUNCTION_WORDS } from './stopwords.js';

/**
 * A light Russian stemmer for comparing requests: strips the longest inflectional ending and keeps
 * at most the first seven letters, so «регистрация», «регистрации», «регистрацию» meet. It does
 * not aim at linguistic stems, only at the same key for the forms of one word.
 */
const ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ых', 'их', 'ая', 'яя', 'ое', 'ее', 'ой', 'ей', 'ий',
  'ый', 'ую', 'юю', 'ом', 'ем', 'ах', 'ях', 'ов', 'ев', 'ам', 'ям', 'иях', 'ия', 'ие', 'ию', 'ии', 'ться', 'тся', 'ть',
  'ешь', 'ишь', 'ете', 'ите', 'ет', 'ит', 'ют', 'ут', 'ат', 'ят', 'ала', 'ало', 'али', 'ила', 'ило', 'или', 'ал', 'ил',
  'ся', 'сь', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь',
];
const ENDING_SET: ReadonlySet<string> = new Set(ENDINGS);
const LONGEST_ENDING = Math.max(...ENDINGS.map((ending) => ending.length));
const MIN_STEM = 3;
const LETTER = /[^0-9]/;
const MAX_STEM = 7;

/** Keys of the words seen so far ('' for a word without meaning): the vocabulary of requests is small and repeats. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

export function stem(word: string): string {
  let base = word;
  for (let length = Math.min(LONGEST_ENDING, word.length - MIN_STEM); length >= 1; length -= 1) {
    if (ENDING_SET.has(word.slice(-length))) {
      base = word.slice(0, -length);
      break;
    }
  }
  return base.slice(0, MAX_STEM);
}

function keyOf(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const meaningless = word.length < MIN_STEM || FUNCTION_WORDS.has(word) || COURTESIES.has(word) || !LETTER.test(word);
  const key = meaningless ? '' : stem(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, key);
  return key;
}

/** The distinct stems of the words that carry meaning; numbers and function words are left out. */
export function stemSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const key = keyOf(word);
    if (key) out.add(key);
  }
  return out;
}

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
].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;
const MAX_STEM = 7;

export function stem(word: string): string {
  let base = word;
  for (const ending of ENDINGS) {
    if (base.length - ending.length >= MIN_STEM && base.endsWith(ending)) {
      base = base.slice(0, -ending.length);
      break;
    }
  }
  return base.slice(0, MAX_STEM);
}

/** The distinct stems of the words that carry meaning. */
export function stemSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    if (word.length < MIN_STEM || FUNCTION_WORDS.has(word) || COURTESIES.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}

/**
 * Text preparation shared by the rules. Everything here is pure and its patterns compile once at
 * module load: intake runs on every request, within a few milliseconds.
 */

/** No request is longer than the form's limit; mail bodies are cut to it before intake as well. */
export const MAX_SCANNED_CHARS = 20_000;

/** Latin letters and digits that pass for Cyrillic ones, as people write to slip past filters. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  u: 'и',
  x: 'х',
  y: 'у',
  '0': 'о',
  '3': 'з',
  '6': 'б',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const FULLY_LOOKALIKE = /^[abcehkmoptuxy0-9]+$/;
const HAS_LATIN_LETTER = /[a-z]/;
const WORD = /[\p{L}\p{M}]+/gu;
const WORD_WITH_DIGITS = /[\p{L}\p{M}0-9]+/gu;
const LONG_RUN = /(\p{L})\1{2,}/gu;
/** Single letters split by dots, dashes, stars or spaces: «х.у.й», «б л я». */
const SPACED_LETTERS = /(?<![\p{L}0-9])(?:[\p{L}0-9][\s.\-_*·,|/\\]{1,3}){2,}[\p{L}0-9](?![\p{L}0-9])/gu;
const SINGLE_LETTER = /[\p{L}0-9]/gu;
/** Spelled-out words are short; a longer run of single letters is read in windows up to this size. */
const MAX_SPELLED = 8;

/** Markup is read as the words between the tags: a tag says nothing about the request. */
const TAG = /<\/?[a-z][^<>]{0,200}>/giu;

export function plain(text: string): string {
  return text.slice(0, MAX_SCANNED_CHARS).replace(TAG, ' ');
}

export function lower(text: string): string {
  return plain(text).toLowerCase().replaceAll('ё', 'е');
}

/** Maps look-alike Latin letters and digits to Cyrillic inside a word that is meant to be Russian. */
export function deobfuscate(word: string): string {
  const mixed = CYRILLIC.test(word) || (FULLY_LOOKALIKE.test(word) && HAS_LATIN_LETTER.test(word));
  const mapped = mixed ? Array.from(word, (ch) => LOOKALIKES[ch] ?? ch).join('') : word;
  // Russian has no letter tripled in a row; «бляяять» and «хуууй» are the word stretched.
  return mapped.replace(LONG_RUN, '$1');
}

/** Letters-only words of a lower-cased text (ё already folded to е). */
export function words(lowered: string): string[] {
  return lowered.match(WORD) ?? [];
}

export interface Candidate {
  /** The form as written, for the operator's evidence. */
  original: string;
  /** The form with look-alikes mapped, to compare with the lexicons. */
  normalized: string;
}

/** Every word as written, deobfuscated, plus words spelled out letter by letter. */
export function candidates(lowered: string): Candidate[] {
  const out: Candidate[] = [];
  for (const original of lowered.match(WORD_WITH_DIGITS) ?? []) {
    out.push({ original, normalized: deobfuscate(original) });
  }
  for (const match of lowered.matchAll(SPACED_LETTERS)) {
    // «ну и х у й с ним»: the spelled word sits among one-letter words, so every window is a candidate.
    const letters = match[0].match(SINGLE_LETTER) ?? [];
    for (let start = 0; start + 3 <= letters.length; start += 1) {
      for (let end = start + 3; end <= Math.min(letters.length, start + MAX_SPELLED); end += 1) {
        const spelled = letters.slice(start, end).join('');
        out.push({ original: spelled, normalized: deobfuscate(spelled) });
      }
    }
  }
  return out;
}

/** The words deobfuscated and joined by single spaces: phrases are matched against this. */
export function phraseText(lowered: string): string {
  return (lowered.match(WORD_WITH_DIGITS) ?? []).map(deobfuscate).join(' ');
}

/** «бляд» → «б***»: the operator sees which word it was without reading it in full. */
export function mask(word: string): string {
  const first = Array.from(word)[0] ?? '';
  return `${first}***`;
}

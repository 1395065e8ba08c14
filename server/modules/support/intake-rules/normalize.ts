/**
 * Text preparation shared by the rules. Everything here is pure and its patterns compile once at
 * module load: intake runs on every request, within a few milliseconds.
 */

/** No request is longer than the form's limit; a longer text is read up to this many characters. */
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

const CYRILLIC = /[\u0430-\u045f]/;
const FULLY_LOOKALIKE = /^[abcehkmoptuxy0-9]+$/;
const HAS_LATIN_LETTER = /[a-z]/;
const LATIN_OR_DIGIT = /[a-z0-9]/;
const LONG_RUN = /(.)\1{2,}/gu;
/**
 * A word of a lower-cased text: Latin, Cyrillic (with the letters of other Cyrillic alphabets) and
 * digits. Spelled as ranges without Unicode property classes, it tokenises several times faster,
 * which counts when a request is compared with twenty resolved ones.
 */
const WORD = /[0-9a-z\u00df-\u00ff\u0430-\u045f\u0491-\u04ff]+/g;
/** Single letters split by dots, dashes, stars or spaces: «х.у.й», «б л я». */
const SPACED_LETTERS =
  /(?<![0-9a-z\u00df-\u00ff\u0430-\u045f\u0491-\u04ff])(?:[0-9a-z\u0430-\u045f][\s.\-_*·,|/\\]{1,3}){2,}[0-9a-z\u0430-\u045f](?![0-9a-z\u00df-\u00ff\u0430-\u045f\u0491-\u04ff])/g;
const SINGLE_LETTER = /[0-9a-z\u0430-\u045f]/g;
/** Spelled-out words are short; a longer run of single letters is read in windows up to this size. */
const MAX_SPELLED = 8;
/** A text of nothing but single letters must not cost more than a normal one: windows stop here. */
const MAX_SPELLED_CANDIDATES = 400;
/** A word with a letter or two starred out: «х*й», «*уя», «долбо*бы», «бл**ь», «бл*». */
const MASKED = /(?:\*{1,2}[0-9a-z\u0430-\u045f]+|[0-9a-z\u0430-\u045f]+\*{1,2})[0-9a-z\u0430-\u045f*]*/g;
const STAR = /\*/g;
const LETTER = /[0-9a-z\u0430-\u045f]/g;
/**
 * People star out vowels inside or at the end of a word («бл*»), a consonant inside («е*ать»), or
 * the first letter of the roots that start with one («*уй», «*ля», «*издец»); each star is tried
 * as each letter its place allows. A word starred at both ends, or by two stars at one, is
 * Markdown's *emphasis* or **bold**, not a mask.
 */
const VOWELS = ['а', 'е', 'и', 'о', 'у', 'ы', 'я', 'ю'];
const FIRST_LETTERS = ['х', 'б', 'п'];
const INNER_LETTERS = [...VOWELS, ...FIRST_LETTERS];
const MAX_STARS = 2;
/** A star with fewer letters around it than this hides too much to say what the word was. */
const MIN_MASKED_LETTERS = 2;

/** Markup is read as the words between the tags: a tag says nothing about the request. */
const TAG = /<\/?[a-z][^<>]{0,200}>/giu;

export function plain(text: string): string {
  const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  return scanned.includes('<') ? scanned.replace(TAG, ' ') : scanned;
}

/** Lower case, ё folded to е, markup dropped: the form every rule reads. */
export function lower(text: string): string {
  const lowered = plain(text).toLowerCase();
  return lowered.includes('ё') ? lowered.replaceAll('ё', 'е') : lowered;
}

function isNumber(token: string): boolean {
  for (let i = 0; i < token.length; i += 1) {
    const code = token.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function hasTripledLetter(word: string): boolean {
  for (let i = 2; i < word.length; i += 1) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

/** Mapped forms of the words seen so far: the same few Latin words recur across requests. */
const mappedMemo = new Map<string, string>();
const MEMO_LIMIT = 20_000;

/** Maps look-alike Latin letters and digits to Cyrillic inside a word that is meant to be Russian. */
export function deobfuscate(word: string): string {
  const latin = LATIN_OR_DIGIT.test(word);
  const stretched = hasTripledLetter(word);
  // Most words are plain Cyrillic with no letter tripled: they are returned as they are.
  if (!latin && !stretched) return word;
  const known = mappedMemo.get(word);
  if (known !== undefined) return known;
  if (mappedMemo.size >= MEMO_LIMIT) mappedMemo.clear();
  const result = mapLookalikes(word, latin, stretched);
  mappedMemo.set(word, result);
  return result;
}

function mapLookalikes(word: string, latin: boolean, stretched: boolean): string {
  const mixed = latin && (CYRILLIC.test(word) || (FULLY_LOOKALIKE.test(word) && HAS_LATIN_LETTER.test(word)));
  const mapped = mixed ? Array.from(word, (ch) => LOOKALIKES[ch] ?? ch).join('') : word;
  // Russian has no letter tripled in a row; «бляяять» and «хуууй» are the word stretched.
  return stretched || mixed ? mapped.replace(LONG_RUN, '$1') : mapped;
}

/** The words of a text from lower(), digits included. */
export function tokens(lowered: string): string[] {
  return lowered.match(WORD) ?? [];
}

/** The words that have a letter: what a reader would call words. */
export function words(lowered: string): string[] {
  return tokens(lowered).filter((token) => !isNumber(token));
}

export interface Candidate {
  /** The form as written, for the operator's evidence. */
  original: string;
  /** The form with look-alikes mapped, to compare with the lexicons. */
  normalized: string;
}

/** Every reading of a starred word, each star replaced by a letter its place allows. */
function unmasked(word: string): string[] {
  let forms = [word];
  for (let i = 0; i < word.length; i += 1) {
    if (word[i] !== '*') continue;
    const letters = i === 0 ? FIRST_LETTERS : i === word.length - 1 ? VOWELS : INNER_LETTERS;
    forms = forms.flatMap((form) => letters.map((letter) => form.slice(0, i) + letter + form.slice(i + 1)));
  }
  return forms;
}

/** Every word as written with its deobfuscated form, plus the words spelled out letter by letter. */
export function candidates(lowered: string, written: readonly string[] = tokens(lowered)): Candidate[] {
  const out: Candidate[] = written.map((original) => ({ original, normalized: deobfuscate(original) }));
  if (lowered.includes('*')) {
    for (const original of lowered.match(MASKED) ?? []) {
      if ((original.startsWith('*') && original.endsWith('*')) || original.startsWith('**') || original.endsWith('**')) continue;
      if ((original.match(STAR)?.length ?? 0) > MAX_STARS || (original.match(LETTER)?.length ?? 0) < MIN_MASKED_LETTERS) continue;
      for (const normalized of unmasked(deobfuscate(original))) out.push({ original, normalized });
    }
  }
  let spelledCount = 0;
  for (const match of lowered.matchAll(SPACED_LETTERS)) {
    // «ну и х у й с ним»: the spelled word sits among one-letter words, so every window is a candidate.
    const letters = match[0].match(SINGLE_LETTER) ?? [];
    for (let start = 0; start + 3 <= letters.length; start += 1) {
      for (let end = start + 3; end <= Math.min(letters.length, start + MAX_SPELLED); end += 1) {
        if (spelledCount >= MAX_SPELLED_CANDIDATES) return out;
        const spelled = letters.slice(start, end).join('');
        out.push({ original: spelled, normalized: deobfuscate(spelled) });
        spelledCount += 1;
      }
    }
  }
  return out;
}

/** The words deobfuscated and joined by single spaces: phrases are matched against this. */
export function phraseText(written: readonly string[]): string {
  return written.map(deobfuscate).join(' ');
}

/** «бляд» → «б***»: the operator sees which word it was without reading it in full. */
export function mask(word: string): string {
  const first = Array.from(word)[0] ?? '';
  return `${first}***`;
}

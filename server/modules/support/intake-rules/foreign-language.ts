import { franc } from 'franc-min';
import type { RuleHit } from './types.js';

/**
 * A request in a foreign language. A Russian request may carry product names, addresses, e-mails
 * and numbers in Latin letters or digits: those are set aside, and the text is foreign only when
 * hardly any Russian words remain. Trigram detection (franc) is unreliable on short Cyrillic texts
 * (it takes short Russian for Bulgarian), so Cyrillic is judged first by the letters that Russian
 * lacks, and the library only names the language or settles a Cyrillic text that has them.
 */

/**
 * Addresses, e-mails, domains and anything with a digit, also inside Markdown links or brackets.
 * Each alternative can start only at the start of a token, so a long text is scanned once.
 */
const NOISE =
  /(?:https?:\/\/|www\.)[^\s)\]>]+|(?<![^\s@()[\]<>"'«])[^\s@()[\]<>"'«»]+@[^\s()[\]<>"'»]+|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:ru|su|com|org|net|io|рф)(?![\w.-])|(?<!\S)\S*\d\S*/giu;
const WORD = /\p{L}+/gu;
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
/** Letters of other Cyrillic alphabets that Russian does not use. */
const NON_RUSSIAN_CYRILLIC = /[іїєґўәғқңөұүһҳјљњћђџѓќѕ]/gu;
const RUSSIAN_ONLY = /[ыэъ]/gu;

/** Russian written in Latin letters is still Russian: words that only a transliteration has. */
const TRANSLIT_RUSSIAN: ReadonlySet<string> = new Set(
  (
    'ne kak chto chto-to eto ya mne vy vam nam pochemu pochemy mozhno mojno pomogite zdravstvuyte zdravstvuite zdrastvuyte ' +
    'privet spasibo pozhaluysta pozhaluista pojaluista pojaluysta nado nuzhno nujno rebenok rebenka rebenku mogu ' +
    'kabinet kabinete pismo prihodit prikhodit parol dobryy dobriy den vecher shkola shkoly uchenik roditel roditeli ' +
    'registraciya registratsiya vhod voyti zaregistrirovat zaregistrirovatsya ili kogda gde skolko uzhe tozhe'
  ).split(' '),
);

/** ISO 639-3 codes franc-min returns → the language in the prepositional case. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  eng: 'английском', deu: 'немецком', fra: 'французском', spa: 'испанском', ita: 'итальянском',
  por: 'португальском', tur: 'турецком', pol: 'польском', nld: 'нидерландском', ces: 'чешском',
  swe: 'шведском', hun: 'венгерском', ron: 'румынском', vie: 'вьетнамском', ind: 'индонезийском',
  uzn: 'узбекском', azj: 'азербайджанском', ukr: 'украинском', bel: 'белорусском', bul: 'болгарском',
  kaz: 'казахском', srp: 'сербском', hrv: 'хорватском', bos: 'боснийском', cmn: 'китайском',
  jpn: 'японском', kor: 'корейском', arb: 'арабском', pes: 'персидском', urd: 'урду', hin: 'хинди',
  tha: 'тайском', ell: 'греческом', heb: 'иврите', kat: 'грузинском', hye: 'армянском',
};
const LATIN_LANGUAGES = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'tur', 'pol', 'nld', 'ces', 'swe', 'hun', 'ron', 'vie', 'ind', 'uzn', 'azj', 'hrv'];
const CYRILLIC_LANGUAGES = ['rus', 'ukr', 'bel', 'bul', 'kaz', 'srp'];

/** Fewer Latin words than this is a name or a greeting, not a text in a language. */
const MIN_FOREIGN_WORDS = 3;
/** A mixed text is Russian when a fifth of its words, or two of them, are Russian. */
const RUSSIAN_SHARE = 0.2;
const RUSSIAN_WORDS = 2;
/** Trigrams name a language reliably only from a sentence or so. */
const MIN_LETTERS_TO_NAME = 20;

function named(code: string): string {
  const name = LANGUAGE_NAMES[code];
  if (!name) return 'Обращение написано не на русском языке.';
  return name === 'урду' || name === 'хинди' || name === 'иврите' ? `Обращение написано на ${name}.` : `Обращение написано на ${name} языке.`;
}

export function findForeignLanguage(text: string): RuleHit | null {
  const cleaned = text.replace(NOISE, ' ');
  const all = cleaned.match(WORD) ?? [];
  if (all.length === 0) return null;
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  let translit = 0;
  for (const word of all) {
    if (CYRILLIC_WORD.test(word)) cyrillic += 1;
    else if (LATIN_WORD.test(word)) {
      latin += 1;
      if (TRANSLIT_RUSSIAN.has(word.toLowerCase())) translit += 1;
    } else other += 1;
  }

  if (cyrillic >= RUSSIAN_SHARE * all.length || cyrillic >= RUSSIAN_WORDS) {
    // Russian, or another Cyrillic language: the letters Russian lacks tell them apart.
    const lowered = cleaned.toLowerCase();
    const found = lowered.match(NON_RUSSIAN_CYRILLIC) ?? [];
    const foreignLetters = found.length;
    if (foreignLetters === 0 || cyrillic < MIN_FOREIGN_WORDS) return null;
    const russianLetters = lowered.match(RUSSIAN_ONLY)?.length ?? 0;
    if (russianLetters >= foreignLetters) return null;
    const code = franc(lowered, { only: CYRILLIC_LANGUAGES, minLength: 10 });
    if (code === 'rus' || code === 'und') return null;
    const letters = [...new Set(found)].map((letter) => `«${letter}»`).join(', ');
    return { evidence: `${named(code)} В тексте буквы, которых нет в русском алфавите: ${letters}.` };
  }

  if (other > latin && other >= 1) {
    const code = franc(cleaned, { minLength: 3 });
    return { evidence: `${named(code)} В тексте нет слов на русском.` };
  }
  // Without a Russian word at all, two Latin words are enough: «Help please».
  if (latin < (cyrillic === 0 ? 2 : MIN_FOREIGN_WORDS)) return null;
  if (translit >= 2 && translit >= RUSSIAN_SHARE * latin) return null;
  const letters = all.reduce((sum, word) => sum + word.length, 0);
  if (letters < MIN_LETTERS_TO_NAME) return { evidence: `Обращение написано не на русском языке: слов латиницей ${latin}, по-русски ${cyrillic}.` };
  const code = franc(cleaned, { only: LATIN_LANGUAGES, minLength: 10 });
  if (code === 'und') return null;
  return { evidence: `${named(code)} Слов на русском: ${cyrillic} из ${all.length}.` };
}

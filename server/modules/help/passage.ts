import type { HelpPassagePart } from '@common/help.js';

/** Marks ts_headline puts around matched words; characters no article uses, so nothing else splits on them. */
export const HIT_START = '⟦';
export const HIT_STOP = '⟧';
export const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_STOP}, MaxWords=32, MinWords=14, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The passage ts_headline picked, as parts the page renders as text — never as HTML, so an article's
 * words cannot become markup in a search result. Neighbouring hits merge into one highlight.
 */
export function passageParts(headline: string): HelpPassagePart[] {
  const parts: HelpPassagePart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else if (last && hit && last.hit && text.trim() === '') last.text += text;
    else parts.push({ text, hit });
  };
  let rest = headline.replace(/\s+/g, ' ').trim();
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      push(rest, false);
      break;
    }
    const stop = rest.indexOf(HIT_STOP, start);
    if (stop < 0) {
      push(rest.replace(HIT_START, ''), false);
      break;
    }
    push(rest.slice(0, start), false);
    push(rest.slice(start + 1, stop), true);
    rest = rest.slice(stop + 1);
  }
  return mergeSpacedHits(parts);
}

/** «⟦запись⟧ ⟦на⟧» reads as one highlighted phrase, not two with a gap. */
function mergeSpacedHits(parts: HelpPassagePart[]): HelpPassagePart[] {
  const merged: HelpPassagePart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = merged[merged.length - 1];
    const next = parts[i + 1];
    if (!part.hit && part.text.trim() === '' && prev?.hit && next?.hit) {
      prev.text += part.text + next.text;
      i++;
      continue;
    }
    merged.push({ ...part });
  }
  return merged;
}

/** Lower case with «ё» as «е», as the search vector stores words. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** The words of a query worth searching for: letters and digits, lower case, two letters or more, at most twelve. */
export function queryWords(query: string): string[] {
  const words = normalise(query)
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 12);
}

/** The words of an article that typo correction may land on. */
export function articleWords(text: string): string[] {
  return [...new Set(normalise(text).split(/[^a-zа-я0-9]+/).filter((w) => w.length >= 4 && w.length <= 40))];
}

/** A stem as a prefix term of tsquery text, quoted so no stem can change the query's syntax. */
function prefixTerm(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`;
}

/**
 * The tsquery texts of a search from its words' stems: a word matches by any of its stems (its own
 * and its typo's correction); «all» asks for every word, «any» for one of them. Words without stems
 * (stop words) are left out; null when none is left.
 */
export function searchPlan(words: Array<{ lexemes: string[] }>): { all: string; any: string; each: string[] } | null {
  const each = words.filter((w) => w.lexemes.length > 0).map((w) => [...new Set(w.lexemes)].map(prefixTerm).join(' | '));
  if (each.length === 0) return null;
  return { all: each.map((e) => `(${e})`).join(' & '), any: each.join(' | '), each };
}

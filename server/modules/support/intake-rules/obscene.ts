import { mask, type Candidate } from './normalize.js';
import { OBSCENE_EXCEPTIONS, OBSCENE_LEXICON, type LexiconKind } from './obscene-lexicon.js';
import type { RuleHit } from './types.js';

const anyEntry = new RegExp(`^(?:${OBSCENE_LEXICON.map((entry) => entry.pattern).join('|')})$`, 'u');
const byKind = (kind: LexiconKind) =>
  new RegExp(`^(?:${OBSCENE_LEXICON.filter((entry) => entry.kind === kind).map((entry) => entry.pattern).join('|')})$`, 'u');
const obsceneOnly = byKind('obscene');

function matches(form: string): boolean {
  return !OBSCENE_EXCEPTIONS.has(form) && anyEntry.test(form);
}

/** Obscene or insulting words, in any form, however disguised. */
export function findObscene(words: readonly Candidate[]): RuleHit | null {
  for (const word of words) {
    const form = matches(word.normalized) ? word.normalized : matches(word.original) ? word.original : null;
    if (form === null) continue;
    const what = obsceneOnly.test(form) ? 'нецензурное слово' : 'оскорбительное слово';
    // «*уя» starts with its star: the operator is shown the letter it stood for.
    return { evidence: `В обращении ${what} «${mask(word.original.startsWith('*') ? form : word.original)}».` };
  }
  return null;
}

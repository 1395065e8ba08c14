import { lower, tokens } from './normalize.js';
import { stemSet } from './stems.js';
import type { ResolvedRequest, RuleHit } from './types.js';

/**
 * A repeat of the requester's own resolved request: the new request brings (almost) nothing the
 * resolved one did not say. Containment — the share of the new request's stems found in the old
 * one — measures "no new information"; the cosine keeps a short new question from matching any
 * long old letter that happens to contain its few words. Thresholds are set on the examples in
 * repeat-resolved.test.ts.
 */
const MIN_SHARED = 3;
/**
 * Requests are compared by their first characters, where the question is put: a long letter's
 * tail adds more cost than evidence when a request is set against twenty resolved ones.
 */
export const REPEAT_SCAN_CHARS = 2_000;
const MIN_CONTAINMENT = 0.7;
const MIN_COSINE = 0.55;

/** Saying the answer did not help, or that the trouble is back, is new information. */
const STILL_UNSOLVED = /(?:^| )(?:не помогл\p{L}*|не помог|не получилось|не решен\p{L}*|не решил\p{L}*|так и не|опять|снова|все еще|до сих пор|по-прежнему|прежнему|повторно|еще раз|вновь)(?= |$)/u;

const EXCERPT_CHARS = 80;

/** The resolved request's opening words: a category topic would not tell the operator which one it was. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

export function findRepeat(ownWords: readonly string[], resolved: readonly ResolvedRequest[]): RuleHit | null {
  if (resolved.length === 0) return null;
  if (STILL_UNSOLVED.test(ownWords.join(' '))) return null;
  const own = stemSet(ownWords);
  if (own.size < MIN_SHARED) return null;
  let best: { request: ResolvedRequest; containment: number; cosine: number } | null = null;
  for (const request of resolved) {
    const theirs = stemSet(tokens(lower(request.text.slice(0, REPEAT_SCAN_CHARS))));
    let shared = 0;
    for (const s of own) if (theirs.has(s)) shared += 1;
    if (shared < MIN_SHARED) continue;
    const containment = shared / own.size;
    const cosine = shared / Math.sqrt(own.size * theirs.size);
    if (containment < MIN_CONTAINMENT || cosine < MIN_COSINE) continue;
    if (!best || cosine > best.cosine) best = { request, containment, cosine };
  }
  if (!best) return null;
  return {
    evidence: `Повторяет решённое обращение автора «${excerpt(best.request.text)}»: ${Math.round(best.containment * 100)} % значимых слов нового обращения есть в решённом.`,
    repeatOf: best.request.id,
  };
}

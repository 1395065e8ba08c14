import { THREAT_LEXICON, type ThreatKind } from './threat-lexicon.js';
import type { RuleHit } from './types.js';

const compiled = THREAT_LEXICON.map((entry) => ({
  kind: entry.kind,
  regex: new RegExp(`(?:^| )(?:${entry.pattern})(?= |$)`, 'u'),
}));
/** One pass over the text finds whether anything matches; only then is the entry looked up. */
const anyThreat = new RegExp(THREAT_LEXICON.map((entry) => `(?:^| )(?:${entry.pattern})(?= |$)`).join('|'), 'u');

const EVIDENCE: Record<ThreatKind, (phrase: string) => string> = {
  self_harm: (phrase) =>
    `Срочно: автор пишет о причинении вреда себе («${phrase}»). Оператору нужно немедленно прочитать обращение и передать его ответственному за помощь в кризисной ситуации.`,
  violence: (phrase) =>
    `Срочно: в обращении угроза жизни или здоровью («${phrase}»). Оператору нужно немедленно прочитать обращение и передать его ответственному за безопасность.`,
};

/** Threats to life or health, including a requester's words about harming themselves. */
export function findThreat(phrases: string): RuleHit | null {
  if (!anyThreat.test(phrases)) return null;
  for (const entry of compiled) {
    const match = entry.regex.exec(phrases);
    if (match) return { evidence: EVIDENCE[entry.kind](match[0].trim()) };
  }
  return null;
}

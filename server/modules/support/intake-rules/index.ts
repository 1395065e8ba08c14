/**
 * The programme's intake rules for support requests (seed: requests in a foreign language, with
 * obscene or insulting words, with threats to life or health, without a concrete question, or
 * repeating the requester's own resolved question are left without an answer). Pure and
 * deterministic: the same request always gets the same decision, which is stored with its rule
 * and evidence for the operator, who may override it. Protected secrets are flagged by the
 * operator only, so no rule here applies them.
 *
 * The topic is often a category picked from a list («Связка кабинетов родителя и ребёнка»): it is
 * searched for threats and obscenities like the text, but the language, the question and the
 * repeat are judged on what the requester wrote, so a Russian label cannot make an English text
 * Russian, a vague text concrete, or two requests of one category alike.
 */
import { findForeignLanguage } from './foreign-language.js';
import { findNoQuestion } from './no-question.js';
import { candidates, lower, phraseText, plain, tokens, words } from './normalize.js';
import { findObscene } from './obscene.js';
import { findRepeat, REPEAT_SCAN_CHARS } from './repeat-resolved.js';
import { findThreat } from './threat.js';
import type { IntakeDecision, IntakeInput, IntakeRule, RuleHit } from './types.js';

export type { IntakeDecision, IntakeInput, IntakeRule, ResolvedRequest } from './types.js';

export const INTAKE_RULE_LABELS: Record<IntakeRule, string> = {
  threat: 'В обращении есть угрозы жизни или здоровью',
  obscene: 'В обращении есть нецензурные или оскорбительные слова',
  foreign_language: 'Обращение написано не на русском языке',
  no_question: 'В обращении нет конкретного вопроса',
  repeat_resolved: 'Этот вопрос уже решён в вашем прежнем обращении',
  protected_secret: 'Ответ невозможен без раскрытия сведений, охраняемых законом',
};

/** The order in which the rules are tried: the most urgent first. */
export const AUTOMATIC_INTAKE_RULES = ['threat', 'obscene', 'foreign_language', 'no_question', 'repeat_resolved'] as const satisfies readonly IntakeRule[];

const ACCEPTED: IntakeDecision = { outcome: 'accepted', rule: null, evidence: '' };

export function applyIntakeRules(input: IntakeInput): IntakeDecision {
  const topic = lower(input.topic);
  const text = lower(input.text);
  const whole = `${topic}\n${text}`;
  const written = tokens(whole);
  const textWords = words(text);
  const topicWords = words(topic);

  const checks: Record<(typeof AUTOMATIC_INTAKE_RULES)[number], () => RuleHit | null> = {
    threat: () => findThreat(phraseText(written)),
    obscene: () => findObscene(candidates(whole, written)),
    foreign_language: () => findForeignLanguage(plain(input.text)),
    no_question: () => findNoQuestion(topicWords, textWords, plain(input.text)),
    repeat_resolved: () => findRepeat(words(lower(input.text.slice(0, REPEAT_SCAN_CHARS))), input.resolvedByRequester),
  };
  for (const rule of AUTOMATIC_INTAKE_RULES) {
    const hit = checks[rule]();
    if (hit) return { outcome: 'no_answer', rule, evidence: hit.evidence, ...(hit.repeatOf === undefined ? {} : { repeatOf: hit.repeatOf }) };
  }
  return { ...ACCEPTED };
}

import { COURTESIES, FUNCTION_WORDS, QUESTION_MARKERS } from './stopwords.js';
import type { RuleHit } from './types.js';

const MIN_CONTENT_LETTERS = 3;

interface Substance {
  content: number;
  marker: boolean;
}

function substance(words: readonly string[]): Substance {
  const content = new Set<string>();
  let marker = false;
  for (const word of words) {
    if (QUESTION_MARKERS.has(word)) marker = true;
    else if (!FUNCTION_WORDS.has(word) && !COURTESIES.has(word) && word.length >= MIN_CONTENT_LETTERS) content.add(word);
  }
  return { content: content.size, marker };
}

/** A subject and what is asked about it («не могу войти»), or two subjects («регистрация ребёнка»). */
const isConcrete = (s: Substance) => s.content >= 2 || (s.content >= 1 && s.marker);

function quote(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

/**
 * No concrete question: nothing but greetings, pleas, emoji and punctuation, or a bare «не работает».
 * Deliberately lenient: a sentence that names what is wrong is a question even without «?». A topic
 * that is itself a question makes up for a text that only asks for help.
 */
export function findNoQuestion(topicWords: readonly string[], textWords: readonly string[], text: string): RuleHit | null {
  if (isConcrete(substance(textWords))) return null;
  // A subject line that asks something («Не приходит письмо активации») is the question; a category
  // label («Связка кабинетов родителя и ребёнка») names many things but asks nothing.
  const topic = substance(topicWords);
  if (topic.marker && isConcrete(topic)) return null;
  if (textWords.length === 0) return { evidence: 'Текст обращения пуст или состоит только из знаков, цифр и эмодзи: в нём нет вопроса.' };
  return { evidence: `В обращении нет конкретного вопроса: «${quote(text)}».` };
}

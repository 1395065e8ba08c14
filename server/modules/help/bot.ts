import { HELP_TOPIC_LABELS, type HelpAudience, type HelpSearchHit, type HelpTopic } from '@common/help.js';
import type { MissingStep } from '@common/participation.js';
import type { Role } from '@common/roles.js';

/** A hit answers the question when it matched at least half of the question's meaningful words. */
export const GOOD_COVERAGE = 0.5;

/** «не помогло», «нужен оператор»: the person asks for a human, whatever the articles say. */
const ASKS_FOR_HUMAN = /(не\s+помог|не\s+то\b|не\s+нашл|не\s+нашёл|не\s+понял|не\s+работает\s+ничего|оператор|поддержк|живой\s+человек|с\s+человеком|жалоб)/i;

export function asksForHuman(message: string): boolean {
  return ASKS_FOR_HUMAN.test(message);
}

/** The help-centre audience a role reads first; the bot searches that and «всем». */
export function audienceOfRole(role: Role | null): HelpAudience | undefined {
  switch (role) {
    case 'participant':
    case 'parent':
    case 'school':
    case 'regional_coordinator':
    case 'venue':
    case 'mentor':
    case 'navigator':
      return role;
    default:
      return undefined;
  }
}

/** What the asker's cabinet says is still open, as the bot may tell them. */
export type CabinetFact =
  | { kind: 'pupil_step'; step: MissingStep }
  | { kind: 'parent_no_child' }
  | { kind: 'child_step'; childName: string; step: MissingStep };

export interface BotNudge {
  text: string;
  slug: string;
}

const STEP_ARTICLES: Record<MissingStep['step'], string> = {
  registered: 'registratsiya-uchastnika',
  linked: 'svyaz-kabinetov',
  consent: 'soglasiya-roditelya',
  tested: 'onlain-diagnostika',
};

/** The cabinet's open steps in the bot's words, each with the article that shows how. */
export function nudgesFor(facts: CabinetFact[]): BotNudge[] {
  return facts.slice(0, 4).map((fact) => {
    switch (fact.kind) {
      case 'parent_no_child':
        return { text: 'К вашему кабинету ещё не привязан ни один ребёнок — вот как это сделать.', slug: STEP_ARTICLES.linked };
      case 'pupil_step':
        return { text: PUPIL_WORDS[fact.step.step], slug: STEP_ARTICLES[fact.step.step] };
      case 'child_step':
        return { text: `${fact.childName}: ${CHILD_WORDS[fact.step.step]}`, slug: STEP_ARTICLES[fact.step.step] };
    }
  });
}

const PUPIL_WORDS: Record<MissingStep['step'], string> = {
  registered: 'Ты ещё не подтвердил адрес почты — вот как.',
  linked: 'Твой кабинет ещё не связан с кабинетом родителя — вот как это сделать.',
  consent: 'Родитель ещё не дал согласие на обработку твоих данных — вот что ему нужно сделать.',
  tested: 'Ты ещё не прошёл ни одного теста — вот как.',
};

const CHILD_WORDS: Record<MissingStep['step'], string> = {
  registered: 'ребёнок ещё не подтвердил адрес почты — вот как.',
  linked: 'кабинеты ещё не связаны — вот как это сделать.',
  consent: 'нет согласия на обработку персональных данных — вот как его дать.',
  tested: 'ребёнок ещё не прошёл ни одного теста — вот как.',
};

export interface BotAnswer {
  reply: string;
  articles: HelpSearchHit[];
  nudges: BotNudge[];
  offerSupport: boolean;
  /** The topic of the best article, for the request the person may write next. */
  topic?: string;
}

/**
 * The bot's answer from the search hits and the cabinet's facts: the articles that answered, or an
 * offer to write to support when none did or the person said the answers did not help.
 */
export function composeAnswer(input: { message: string; hits: Array<HelpSearchHit & { coverage: number }>; facts: CabinetFact[]; firstMessage: boolean }): BotAnswer {
  const good = input.hits.filter((h) => h.coverage >= GOOD_COVERAGE).slice(0, 3);
  const human = asksForHuman(input.message);
  const nudges = input.firstMessage || good.length === 0 ? nudgesFor(input.facts) : [];
  const topic = input.hits[0] ? HELP_TOPIC_LABELS[input.hits[0].topic as HelpTopic] : undefined;
  const articles = good.map(({ coverage: _coverage, ...hit }) => hit);
  if (human) {
    return {
      reply: 'Понимаю. Напишите в поддержку — оператор прочитает всю нашу переписку и ответит.',
      articles: [],
      nudges: [],
      offerSupport: true,
      topic,
    };
  }
  if (articles.length === 0) {
    return {
      reply: 'Я не нашёл ответа в справочном центре. Попробуйте спросить другими словами или напишите в поддержку — оператор ответит.',
      articles,
      nudges,
      offerSupport: true,
      topic,
    };
  }
  return {
    reply: articles.length === 1 ? 'Вот статья, которая должна помочь:' : 'Вот что нашлось в справочном центре:',
    articles,
    nudges,
    offerSupport: false,
    topic,
  };
}

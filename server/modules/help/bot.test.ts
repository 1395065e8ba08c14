import { describe, expect, it } from 'vitest';
import type { HelpSearchHit } from '@common/help.js';
import { asksForHuman, composeAnswer, nudgesFor } from './bot.js';

const hit = (slug: string, coverage: number): HelpSearchHit & { coverage: number } => ({
  slug,
  title: slug,
  summary: '',
  audience: 'parent',
  topic: 'consents',
  passage: [],
  coverage,
});

const testedStep = { kind: 'pupil_step' as const, step: { step: 'tested' as const, who: 'participant' as const, message: '' } };

describe('the bot’s answer', () => {
  it('offers the articles that matched at least half of the question, at most three', () => {
    const answer = composeAnswer({ message: 'согласие', hits: [hit('a', 1), hit('b', 0.5), hit('c', 1), hit('d', 1), hit('e', 0.2)], facts: [], firstMessage: true });
    expect(answer.articles.map((a) => a.slug)).toEqual(['a', 'b', 'c']);
    expect(answer.offerSupport).toBe(false);
    expect(answer.topic).toBe('Согласия и правовые вопросы');
    expect(answer.articles[0]).not.toHaveProperty('coverage');
  });

  it('offers to write to support when nothing matched well', () => {
    const answer = composeAnswer({ message: 'погода', hits: [hit('a', 0.25)], facts: [], firstMessage: false });
    expect(answer.articles).toEqual([]);
    expect(answer.offerSupport).toBe(true);
  });

  it('offers support at once when the person says the answer did not help', () => {
    expect(asksForHuman('Это не помогло')).toBe(true);
    expect(asksForHuman('Хочу написать оператору')).toBe(true);
    expect(asksForHuman('как пройти тест')).toBe(false);
    expect(composeAnswer({ message: 'не помогло', hits: [hit('a', 1)], facts: [], firstMessage: false }).offerSupport).toBe(true);
  });

  it('tells the cabinet’s open steps on the first question and when nothing matched, not after every answer', () => {
    expect(composeAnswer({ message: 'тест', hits: [hit('a', 1)], facts: [testedStep], firstMessage: true }).nudges).toEqual([
      { text: 'Ты ещё не прошёл ни одного теста — вот как.', slug: 'onlain-diagnostika' },
    ]);
    expect(composeAnswer({ message: 'тест', hits: [hit('a', 1)], facts: [testedStep], firstMessage: false }).nudges).toEqual([]);
    expect(composeAnswer({ message: 'тест', hits: [], facts: [testedStep], firstMessage: false }).nudges).toHaveLength(1);
  });

  it('speaks to a parent about its child by name, and about a missing child', () => {
    expect(nudgesFor([{ kind: 'parent_no_child' }])[0]!.slug).toBe('svyaz-kabinetov');
    const consent = nudgesFor([{ kind: 'child_step', childName: 'Артём', step: { step: 'consent', who: 'parent', message: '' } }]);
    expect(consent).toEqual([{ text: 'Артём: нет согласия на обработку персональных данных — вот как его дать.', slug: 'soglasiya-roditelya' }]);
  });
});

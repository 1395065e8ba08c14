import { describe, expect, it } from 'vitest';
import { HIT_START as S, HIT_STOP as E, articleWords, passageParts, queryWords, searchPlan } from './passage.js';

describe('the matching passage', () => {
  it('splits a headline into plain and matched parts', () => {
    expect(passageParts(`Как ${S}записаться${E} на пробу`)).toEqual([
      { text: 'Как ', hit: false },
      { text: 'записаться', hit: true },
      { text: ' на пробу', hit: false },
    ]);
  });

  it('joins neighbouring matched words into one highlight', () => {
    expect(passageParts(`${S}онлайн${E} ${S}диагностика${E} для всех`)).toEqual([
      { text: 'онлайн диагностика', hit: true },
      { text: ' для всех', hit: false },
    ]);
  });

  it('keeps an unclosed mark as text and collapses whitespace', () => {
    expect(passageParts(`текст\n\n ${S}обрыв`)).toEqual([{ text: 'текст обрыв', hit: false }]);
    expect(passageParts('')).toEqual([]);
  });
});

describe('the words of a query', () => {
  it('are lower case, «ё» as «е», without punctuation, one-letter words or repeats, at most twelve', () => {
    expect(queryWords('Где РЕЗУЛЬТАТЫ ребёнка? Где, а?')).toEqual(['где', 'результаты', 'ребенка']);
    expect(queryWords(Array.from({ length: 20 }, (_, i) => `слово${i}`).join(' '))).toHaveLength(12);
  });

  it('of an article keep only words long enough to correct a typo to', () => {
    expect(articleWords('Ёлка и тест, тест!')).toEqual(['елка', 'тест']);
  });
});

describe('the search plan', () => {
  it('asks for every word or any word, each by any of its stems as a prefix, stop words left out', () => {
    expect(searchPlan([{ lexemes: ['записа'] }, { lexemes: [] }, { lexemes: ['диагностк', 'диагностик'] }])).toEqual({
      all: "('записа':*) & ('диагностк':* | 'диагностик':*)",
      any: "'записа':* | 'диагностк':* | 'диагностик':*",
      each: ["'записа':*", "'диагностк':* | 'диагностик':*"],
    });
    expect(searchPlan([{ lexemes: [] }])).toBeNull();
  });

  it('quotes a stem so it cannot change the query', () => {
    expect(searchPlan([{ lexemes: ["o'k\\"] }])!.any).toBe("'o''k\\\\':*");
  });
});

import { describe, expect, it } from 'vitest';
import { EXAMPLE_HISTORY, INTAKE_EXAMPLES } from './intake-examples.js';
import { applyIntakeRules, INTAKE_RULE_LABELS, type IntakeRule } from './index.js';

describe('intake rules on the labelled requests', () => {
  it.each(INTAKE_EXAMPLES.map((example) => [example.expected ?? 'accepted', example.topic, example.text, example] as const))(
    '%s: «%s» «%s»',
    (_label, _topic, _text, example) => {
      const decision = applyIntakeRules({ topic: example.topic, text: example.text, resolvedByRequester: EXAMPLE_HISTORY });
      expect(decision.rule).toBe(example.expected);
      expect(decision.outcome).toBe(example.expected ? 'no_answer' : 'accepted');
      if (example.expected) expect(decision.evidence).not.toBe('');
      else expect(decision.evidence).toBe('');
    },
  );

  it('covers every automatic rule and the ordinary questions with enough examples', () => {
    const counts = new Map<IntakeRule | null, number>();
    for (const example of INTAKE_EXAMPLES) counts.set(example.expected, (counts.get(example.expected) ?? 0) + 1);
    expect(INTAKE_EXAMPLES.length).toBeGreaterThanOrEqual(80);
    for (const rule of [null, 'threat', 'obscene', 'foreign_language', 'no_question', 'repeat_resolved'] as const) {
      expect(counts.get(rule) ?? 0).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('applyIntakeRules', () => {
  const none = { resolvedByRequester: [] };

  it('tries the most urgent rule first', () => {
    const decision = applyIntakeRules({ ...none, topic: '', text: 'Сволочи, я вас убью' });
    expect(decision.rule).toBe('threat');
  });

  it('prefers an obscenity to the language it is written in', () => {
    expect(applyIntakeRules({ ...none, topic: '', text: 'What the fuck is wrong with your registration page?' }).rule).toBe('obscene');
  });

  it('names the resolved request that is repeated', () => {
    const decision = applyIntakeRules({
      topic: 'Регистрация',
      text: 'Не приходит письмо для подтверждения электронной почты при регистрации',
      resolvedByRequester: EXAMPLE_HISTORY,
    });
    expect(decision).toEqual({ outcome: 'no_answer', rule: 'repeat_resolved', evidence: expect.stringContaining('«Здравствуйте! Не приходит письмо для подтверждения электронной почты при регистр…»'), repeatOf: 'h-letter' });
  });

  it('accepts without evidence and without repeatOf', () => {
    expect(applyIntakeRules({ ...none, topic: 'Тесты', text: 'Где посмотреть результаты тестов?' })).toEqual({ outcome: 'accepted', rule: null, evidence: '' });
  });

  it('is deterministic', () => {
    const input = { topic: 'Жалоба', text: 'Идиоты, верните доступ', resolvedByRequester: EXAMPLE_HISTORY };
    expect(applyIntakeRules(input)).toEqual(applyIntakeRules(input));
  });

  it('reads text as plain characters: markup and scripts are neither run nor a question', () => {
    expect(applyIntakeRules({ ...none, topic: '', text: '<script>alert(1)</script>' }).rule).toBe('no_question');
    expect(applyIntakeRules({ ...none, topic: 'Тесты', text: '<b>Где</b> посмотреть <i>результаты</i> тестов?' }).rule).toBeNull();
  });

  it('decides a text far over the form limit without trouble', () => {
    const text = 'Ребёнок не может пройти тест, страница зависает. '.repeat(2_000);
    expect(applyIntakeRules({ ...none, topic: 'Тесты', text }).rule).toBeNull();
  });

  it('has a plain Russian label for every rule, the operator-only one included', () => {
    for (const label of Object.values(INTAKE_RULE_LABELS)) expect(label).toMatch(/^[А-ЯЁ][а-яё ,-]+$/u);
    expect(Object.keys(INTAKE_RULE_LABELS).sort()).toEqual(['foreign_language', 'no_question', 'obscene', 'protected_secret', 'repeat_resolved', 'threat']);
  });
});

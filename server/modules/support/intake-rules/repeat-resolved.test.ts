import { describe, expect, it } from 'vitest';
import { lower, words } from './normalize.js';
import { findRepeat } from './repeat-resolved.js';
import { stem } from './stems.js';

const resolved = [
  { id: 'r-letter', topic: 'Регистрация', text: 'Здравствуйте, не приходит письмо для подтверждения почты при регистрации, что делать?' },
  { id: 'r-link', topic: 'Связка кабинетов', text: 'Как отправить приглашение родителю из кабинета ребёнка? Не нашла кнопку.' },
  {
    id: 'r-long',
    topic: 'Тесты',
    text:
      'Добрый день. Сын прошёл двадцать тестов, но рекомендации не появились. Также в кабинете не видно профессиональных проб, ' +
      'на которые он записан, а в расписании стоит другая площадка. Подскажите, где смотреть результаты и куда писать о площадке.',
  },
];

const check = (topic: string, text: string) => findRepeat(words(lower(`${topic}\n${text}`)), resolved);

describe('stems', () => {
  it('gives the forms of one word one key', () => {
    expect(new Set(['регистрация', 'регистрации', 'регистрацию', 'регистрацией'].map(stem)).size).toBe(1);
    expect(new Set(['письмо', 'письма', 'письмом'].map(stem)).size).toBe(1);
  });
});

describe('repeat of a resolved request', () => {
  it.each([
    ['Регистрация', 'Не приходит письмо подтверждения почты при регистрации', 'r-letter'],
    ['Почта', 'Письмо для подтверждения регистрации не приходит на почту. Что делать?', 'r-letter'],
    ['', 'Как из кабинета ребёнка отправить приглашение родителю? Не могу найти кнопку', 'r-link'],
  ])('finds «%s: %s» repeating %s', (topic, text, id) => {
    const hit = check(topic, text);
    expect(hit?.repeatOf).toBe(id);
    expect(hit?.evidence).toMatch(/^Повторяет решённое обращение автора «.+»: \d+ % значимых слов нового обращения есть в решённом\.$/u);
  });

  it.each([
    ['Регистрация', 'Письмо для подтверждения почты так и не приходит, ваш совет не помог'],
    ['Регистрация', 'Опять не приходит письмо для подтверждения почты при регистрации'],
    ['Регистрация', 'Вопрос не решён: письмо для подтверждения почты при регистрации не приходит'],
    ['Тесты', 'Сколько тестов нужно пройти, чтобы появились рекомендации?'],
    ['Пробы', 'Как записаться на профессиональную пробу по программированию?'],
    ['Согласие', 'Где подписать согласие на обработку персональных данных ребёнка?'],
    ['', 'Не приходит письмо'],
  ])('keeps «%s: %s» as a new question', (topic, text) => {
    expect(check(topic, text)).toBeNull();
  });

  it('compares long requests by their opening, where the question is put', () => {
    const question = 'Не приходит письмо для подтверждения почты при регистрации, что делать? ';
    const long = [{ id: 'r-long-letter', topic: '', text: `${question}${'Подробности и приветы. '.repeat(200)}` }];
    expect(findRepeat(words(lower(question)), long)?.repeatOf).toBe('r-long-letter');
    const buried = [{ id: 'r-buried', topic: '', text: `${'Подробности и приветы. '.repeat(200)}${question}` }];
    expect(findRepeat(words(lower(question)), buried)).toBeNull();
  });

  it('needs resolved requests to compare with', () => {
    expect(findRepeat(words(lower('Не приходит письмо для подтверждения почты')), [])).toBeNull();
  });
});

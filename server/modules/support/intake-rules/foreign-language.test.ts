import { describe, expect, it } from 'vitest';
import { findForeignLanguage } from './foreign-language.js';

describe('foreign language', () => {
  it.each([
    ['Registration', 'Hello, I cannot register my son on the platform, the confirmation letter never arrives', 'английском'],
    ['', 'Guten Tag, mein Sohn kann sich nicht auf der Plattform anmelden. Was sollen wir tun?', 'немецком'],
    ['', 'Bonjour, je ne peux pas inscrire ma fille au test, pouvez-vous m’aider ?', 'французском'],
    ['Реєстрація', 'Добрий день, не можу зареєструвати дитину на платформі, лист не приходить', 'украинском'],
    ['', 'Сәлеметсіз бе, баламды платформаға тіркей алмаймын, хат келмейді', 'казахском'],
  ])('finds «%s: %s» written in a foreign language', (topic, text, language) => {
    expect(findForeignLanguage(text)?.evidence).toMatch(new RegExp(`^Обращение написано на ${language} языке\\.`));
  });

  it('finds a short text in Latin letters without naming a language it cannot tell', () => {
    expect(findForeignLanguage('Help please')?.evidence).toBe('Обращение написано не на русском языке: слов латиницей 2, по-русски 0.');
  });

  it('finds a text in another script', () => {
    expect(findForeignLanguage('你好，我的孩子无法在平台上注册，请帮忙')?.evidence).toMatch(/^Обращение написано на китайском языке\./);
  });

  it.each([
    ['Тесты', 'Ребёнок проходит тесты в Google Chrome, а в Microsoft Edge страница не открывается'],
    ['Регистрация', 'Не приходит письмо на ivan.petrov@gmail.com, проверял папку Spam'],
    ['Ссылка', 'Ссылка https://bilet.worldskills.ru/#auth не открывается, пишет Error 404 Not Found'],
    ['СНИЛС', 'СНИЛС 112-233-445 95 не принимается'],
    ['Zoom', 'Проба по Python в Zoom: где взять ссылку?'],
    ['', 'Не работает Google Chrome Microsoft Edge Yandex Browser'],
    ['', 'Ок'],
    ['', 'Hi'],
    ['', 'Zdravstvuyte, ne mogu zaregistrirovat rebenka, pismo ne prihodit'],
    ['Вопрос', 'Здравствуйте, подскажите, как привязать кабинет родителя?'],
    ['', 'Привет'],
    ['', '## [bilet-help.worldskills.ru](http://bilet-help.worldskills.ru) не открывается'],
    ['', 'Адрес (support@bilet.example) и [www.bilet-help.ru] не отвечают'],
    ['Ошибка', 'Выдаёт ошибку: Cannot read properties of undefined (reading map) at Object.render'],
    ['', 'Тест пишет: Something went wrong, please try again later'],
    ['', 'Добрый день! Подскажіть, будь ласка, где найти тесты? Спасибо, всё понятно объяснили в прошлый раз'],
  ])('keeps «%s: %s» as Russian', (topic, text) => {
    expect(findForeignLanguage(text)).toBeNull();
  });
});

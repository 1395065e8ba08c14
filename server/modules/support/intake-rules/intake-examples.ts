import type { IntakeRule, ResolvedRequest } from './types.js';

/**
 * A labelled set of requests as pupils, parents and schools write them, each with the decision the
 * programme's rules call for. index.test.ts checks every one; the share decided right is the
 * figure quoted for the rules' accuracy.
 */
export interface IntakeExample {
  topic: string;
  text: string;
  expected: IntakeRule | null;
}

/** The same requester's resolved requests, given with every example. */
export const EXAMPLE_HISTORY: ResolvedRequest[] = [
  { id: 'h-letter', topic: 'Регистрация', text: 'Здравствуйте! Не приходит письмо для подтверждения электронной почты при регистрации. Что делать?' },
  { id: 'h-invite', topic: 'Связка кабинетов', text: 'Как отправить приглашение родителю из личного кабинета ребёнка? Не могу найти кнопку приглашения.' },
  { id: 'h-consent', topic: 'Согласие', text: 'Где родителю подписать согласие на обработку персональных данных ребёнка в личном кабинете?' },
  { id: 'h-results', topic: 'Тесты', text: 'Ребёнок прошёл тесты онлайн-диагностики, но результаты не отображаются в кабинете родителя.' },
  { id: 'h-event', topic: 'Мероприятия', text: 'Как записаться на профессиональную пробу по робототехнике в нашем городе?' },
];

export const INTAKE_EXAMPLES: IntakeExample[] = [
  // Ordinary questions: accepted.
  { expected: null, topic: 'Регистрация', text: 'Здравствуйте! Зарегистрировала сына, а ссылка в письме пишет, что устарела. Как получить новую?' },
  { expected: null, topic: 'Регистрация', text: 'Не могу зарегистрироваться: пишет, что такой СНИЛС уже есть, хотя я регистрируюсь впервые.' },
  { expected: null, topic: 'Регистрация', text: 'Мне 13 лет, могу ли я зарегистрироваться без родителей?' },
  { expected: null, topic: 'Регистрация', text: 'Ошиблась в дате рождения ребёнка при регистрации, как исправить?' },
  { expected: null, topic: 'Регистрация', text: 'Регистрирую двоих детей с одной почты — второй не добавляется. Нужна ли отдельная почта?' },
  { expected: null, topic: 'Вход', text: 'Не могу войти в личный кабинет, пароль не подходит, восстановление не приходит на mail.ru' },
  { expected: null, topic: 'Вход', text: 'Вход через Госуслуги выдаёт ошибку «сервис недоступен»' },
  { expected: null, topic: 'Вход', text: 'не могу войти' },
  { expected: null, topic: 'Связка кабинетов', text: 'Дочь отправила мне приглашение, но письмо пришло на старую почту. Можно поменять адрес?' },
  { expected: null, topic: 'Связка кабинетов', text: 'Я опекун ребёнка. Какие документы нужны, чтобы связать кабинеты?' },
  { expected: null, topic: 'Связка кабинетов', text: 'В кабинете родителя не появился второй ребёнок, хотя он принял приглашение вчера' },
  { expected: null, topic: 'Согласие', text: 'Подписала согласие на обработку персональных данных, а в кабинете сына по-прежнему «ожидает согласия».' },
  { expected: null, topic: 'Согласие', text: 'Можно ли дать согласие на бумаге? У нас нет компьютера, только телефон бабушки.' },
  { expected: null, topic: 'Согласие', text: 'Как отозвать согласие на обработку персональных данных и удалить аккаунт ребёнка?' },
  { expected: null, topic: 'Согласие', text: 'Бумажное согласие загрузили в формате PDF, а система пишет «файл не распознан».' },
  { expected: null, topic: 'Тесты', text: 'Сын прошёл 10 тестов, где посмотреть результаты?' },
  { expected: null, topic: 'Тесты', text: 'Тест «Мои интересы» зависает на 15 вопросе в Safari на iPhone' },
  { expected: null, topic: 'Тесты', text: 'Сколько тестов нужно пройти, чтобы появились рекомендации?' },
  { expected: null, topic: 'Тесты', text: 'Можно ли перепройти тест, если ребёнок отвечал наугад?' },
  { expected: null, topic: 'Тесты', text: 'Результаты теста у дочери и в кабинете родителя разные — почему так?' },
  { expected: null, topic: 'Тесты', text: 'После прохождения теста пропала кнопка «Далее», экран белый' },
  { expected: null, topic: 'Мероприятия', text: 'Как записать ребёнка на профпробу по кулинарии в Казани?' },
  { expected: null, topic: 'Мероприятия', text: 'Записались на пробу, а площадка отменила. Вернут ли место в другой день?' },
  { expected: null, topic: 'Мероприятия', text: 'Проба онлайн: где взять ссылку на Zoom и во сколько начало по московскому времени?' },
  { expected: null, topic: 'Мероприятия', text: 'Ребёнок с инвалидностью, колясочник. Есть ли доступные площадки в Самаре?' },
  { expected: null, topic: 'Мероприятия', text: 'Нужно ли что-то брать с собой на пробу по 3D-печати?' },
  { expected: null, topic: 'Мероприятия', text: 'Почему не приходит уведомление о записи ребёнка на мероприятие?' },
  { expected: null, topic: 'Рекомендации', text: 'Где найти рекомендации по индивидуальному учебному плану после пробы?' },
  { expected: null, topic: 'Рекомендации', text: 'Рекомендации не совпадают с тем, что нравится ребёнку. Их можно изменить?' },
  { expected: null, topic: 'Школа', text: 'Школа №15 г. Твери: как загрузить список класса из Excel? Файл xlsx не принимается.' },
  { expected: null, topic: 'Школа', text: 'Педагог-навигатор сменился. Как передать доступ новому сотруднику школы?' },
  { expected: null, topic: 'Школа', text: 'При импорте учеников ошибка в строке 12: неверная контрольная сумма СНИЛС 112-233-445 95' },
  { expected: null, topic: 'Площадка', text: 'Мы колледж, хотим стать площадкой для проб по сварке. С чего начать?' },
  { expected: null, topic: 'Наставник', text: 'Я наставник, как отметить посещаемость участников после пробы?' },
  { expected: null, topic: 'Данные', text: 'Смена фамилии ребёнка после усыновления — как обновить данные в кабинете?' },
  { expected: null, topic: 'Данные', text: 'Кто видит результаты тестов моего ребёнка? Передаются ли они в школу?' },
  { expected: null, topic: 'Сайт', text: 'Не работает сайт bilet.worldskills.ru, выдаёт 502 Bad Gateway' },
  { expected: null, topic: 'Ссылки', text: 'Ссылка https://bilet.worldskills.ru/#auth из рассылки ведёт на пустую страницу' },
  { expected: null, topic: 'Google', text: 'Проходим тесты в Google Chrome на Android, видео в тесте не загружается' },
  { expected: null, topic: 'Психолог', text: 'Нужна ли консультация психолога после теста на профессиональные склонности?' },
  { expected: null, topic: 'Оскорбление', text: 'На пробе наставник оскорблял ребёнка. Куда сообщить об этом?' },
  { expected: null, topic: 'Безопасность', text: 'Проба по пожарной безопасности — будут ли дети тушить настоящий огонь?' },
  { expected: null, topic: 'Тесты', text: 'Мама меня убьёт, если я не пройду тесты до пятницы. Где они в кабинете?' },
  { expected: null, topic: 'Пробы', text: 'Хулиганы из класса сорвали пробу, ребёнок не получил отметку об участии' },
  { expected: null, topic: 'Учёба', text: 'Учебное заведение требует справку об участии в проекте — где её скачать?' },
  { expected: null, topic: 'Регион', text: 'Кто региональный оператор в Республике Саха (Якутия) и как с ним связаться?' },
  { expected: null, topic: 'Согласие', text: 'Опять не приходит письмо для подтверждения почты, хотя в прошлый раз помог ваш совет' },
  { expected: null, topic: 'Мероприятия', text: 'Записались на робототехнику, но в расписании другая площадка. Что делать?' },
  { expected: null, topic: 'Тесты', text: 'ok, а где в кабинете тест «Профессиональные интересы»?' },
  { expected: null, topic: '', text: 'Добрый день, подскажите, пожалуйста, до какого числа идёт запись на пробы в ноябре?' },

  // Threats to life or health, including self-harm.
  { expected: 'threat', topic: 'Жалоба', text: 'Если завтра не вернёте доступ, я вас найду и убью' },
  { expected: 'threat', topic: 'Школа', text: 'Взорву вашу школу, если сына не запишут' },
  { expected: 'threat', topic: '', text: 'В гимназии заложена бомба, школа заминирована' },
  { expected: 'threat', topic: 'Тесты', text: 'Я не хочу больше жить, все тесты провалены' },
  { expected: 'threat', topic: '', text: 'если родители увидят результаты, покончу с собой' },
  { expected: 'threat', topic: 'Наставник', text: 'Этому наставнику голову оторву, пусть только появится' },
  { expected: 'threat', topic: '', text: 'Хочется просто умереть, никто не отвечает' },
  { expected: 'threat', topic: 'Жалоба', text: 'Вам не жить, сволочи' },
  { expected: 'threat', topic: '', text: 'Устрою в школе расстрел, так и передайте директору' },

  // Obscene or insulting words.
  { expected: 'obscene', topic: 'Регистрация', text: 'Да пошли вы нахуй со своей регистрацией' },
  { expected: 'obscene', topic: 'Сайт', text: 'Сайт — полное говно, третий день не грузится' },
  { expected: 'obscene', topic: 'Тесты', text: 'Какие идиоты составляли эти тесты?' },
  { expected: 'obscene', topic: '', text: 'бл*ть... то есть блять, опять не работает кабинет' },
  { expected: 'obscene', topic: 'Вход', text: 'Заебали с вашими паролями, когда починят вход?' },
  { expected: 'obscene', topic: '', text: 'Операторы дебилы, сколько можно ждать ответа?' },
  { expected: 'obscene', topic: 'Мероприятия', text: 'xyйня ваши пробы, ребёнок ничего не понял' },
  { expected: 'obscene', topic: '', text: 'Ну и х.у.й с ним, с тестом, где рекомендации?' },
  { expected: 'obscene', topic: 'Согласие', text: 'Пиздец, а не платформа: согласие не подписывается' },
  { expected: 'obscene', topic: 'Жалоба', text: 'Уроды, верните ребёнку место на пробе!' },

  // Foreign language.
  { expected: 'foreign_language', topic: 'Registration', text: 'Hello, I cannot register my son on the platform, the confirmation e-mail never arrives. Please help.' },
  { expected: 'foreign_language', topic: '', text: 'Good afternoon! Where can I find the results of the tests my daughter passed?' },
  { expected: 'foreign_language', topic: 'Anmeldung', text: 'Guten Tag, mein Sohn kann sich nicht auf der Plattform anmelden. Was sollen wir tun?' },
  { expected: 'foreign_language', topic: '', text: 'Bonjour, je ne peux pas inscrire ma fille au test, pouvez-vous m’aider ?' },
  { expected: 'foreign_language', topic: 'Реєстрація', text: 'Добрий день, не можу зареєструвати дитину на платформі, лист не приходить' },
  { expected: 'foreign_language', topic: '', text: 'Сәлеметсіз бе, баламды платформаға тіркей алмаймын, хат келмейді' },
  { expected: 'foreign_language', topic: '', text: '你好，我的孩子无法在平台上注册，请帮忙' },
  { expected: 'foreign_language', topic: 'Consent', text: 'How do I sign the parental consent for personal data? The button does not work.' },

  // No concrete question.
  { expected: 'no_question', topic: '', text: 'Помогите!!!' },
  { expected: 'no_question', topic: 'Вопрос', text: 'Здравствуйте' },
  { expected: 'no_question', topic: '', text: 'Не работает' },
  { expected: 'no_question', topic: 'Регистрация', text: 'Помогите пожалуйста срочно, не работает' },
  { expected: 'no_question', topic: '', text: '???' },
  { expected: 'no_question', topic: '', text: '😡😡😡' },
  { expected: 'no_question', topic: 'Тесты', text: 'Добрый день! У меня вопрос.' },
  { expected: 'no_question', topic: '', text: 'Привет' },
  { expected: 'no_question', topic: 'Hi', text: 'Hi' },
  { expected: 'no_question', topic: '', text: 'Алло, ответьте кто-нибудь' },

  // A repeat of this requester's own resolved request.
  { expected: 'repeat_resolved', topic: 'Регистрация', text: 'Не приходит письмо для подтверждения электронной почты при регистрации, что делать?' },
  { expected: 'repeat_resolved', topic: 'Связка кабинетов', text: 'Как из кабинета ребёнка отправить приглашение родителю? Не найду кнопку.' },
  { expected: 'repeat_resolved', topic: 'Согласие', text: 'Где в личном кабинете родителю подписать согласие на обработку персональных данных ребёнка?' },
  { expected: 'repeat_resolved', topic: 'Тесты', text: 'Результаты тестов онлайн-диагностики ребёнка не отображаются в кабинете родителя' },
  { expected: 'repeat_resolved', topic: 'Мероприятия', text: 'Подскажите, как записаться на профессиональную пробу по робототехнике в нашем городе' },
];

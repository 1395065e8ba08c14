import type { PastRequest } from '../modules/support/index.js';

/** Who the demo requests come from and who works on them. */
export interface DemoSupportPeople {
  regionId: number;
  operatorId: string;
  parent: { id: string; lastName: string; firstName: string; email: string };
  pupil: { id: string; lastName: string; firstName: string; email: string };
}

const HOUR = 3_600_000;

/**
 * Requests the operator's desk opens on: one of each state a shift meets — a new one, one in work
 * with a note, one answered, one the intake rules closed, and a letter from someone without an account.
 */
export function demoSupportRequests(p: DemoSupportPeople, now: Date): PastRequest[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const parent = { requesterAccountId: p.parent.id, regionId: p.regionId, lastName: p.parent.lastName, firstName: p.parent.firstName, email: p.parent.email };
  const pupil = { requesterAccountId: p.pupil.id, regionId: p.regionId, lastName: p.pupil.lastName, firstName: p.pupil.firstName, email: p.pupil.email };
  return [
    {
      ...parent,
      channel: 'form',
      topic: 'events',
      childId: p.pupil.id,
      text: 'Записала сына на профессиональную пробу по токарному делу, но в кабинете запись всё ещё показана как «ожидает подтверждения». Когда площадка подтвердит запись и придёт ли нам уведомление?',
      createdAt: ago(3),
      status: 'new',
    },
    {
      ...pupil,
      channel: 'form',
      topic: 'diagnostics',
      text: 'Начал проходить тест про интересы, на середине закрылся браузер. Теперь тест открывается с начала? Можно продолжить с того же вопроса?',
      createdAt: ago(26),
      status: 'in_progress',
      assigneeId: p.operatorId,
      messages: [{ kind: 'note', authorAccountId: p.operatorId, text: 'Проверила: попытка не завершена, ответы сохранены до 18-го вопроса. Уточнить у методиста, сохраняется ли таймер.', at: ago(24) }],
    },
    {
      ...parent,
      channel: 'form',
      topic: 'consents',
      childId: p.pupil.id,
      text: 'Дала согласие на обработку данных сына в своём кабинете, а у сына при записи на пробу всё равно написано, что нужно согласие родителя. Что ещё нужно сделать?',
      createdAt: ago(98),
      status: 'answered',
      assigneeId: p.operatorId,
      messages: [
        {
          kind: 'answer',
          authorAccountId: p.operatorId,
          text: 'Здравствуйте, Мария! Ваше согласие сохранено, кабинеты связаны. Сыну достаточно выйти из кабинета и войти снова — после этого запись на пробы откроется. Если не получится, ответьте на это письмо.',
          at: ago(75),
        },
      ],
    },
    {
      ...pupil,
      channel: 'form',
      topic: 'other',
      text: 'Здравствуйте!!!',
      createdAt: ago(50),
      status: 'new',
    },
    {
      channel: 'email',
      requesterAccountId: null,
      regionId: null,
      lastName: 'Кузнецова',
      firstName: 'Галина',
      email: 'g.kuznetsova@example.ru',
      topic: 'other',
      text: 'Как бабушке записать внука\n\nЗдравствуйте. Внук учится в 8 классе, родители сейчас в долгой командировке. Могу ли я сама зарегистрировать его в программе и дать согласие вместо родителей?',
      createdAt: ago(6),
      status: 'new',
    },
  ];
}

/** The answers operators give most often, worded for the product as it is. */
export const DEMO_ANSWER_TEMPLATES: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: 'Не подходит пароль',
    body: 'Здравствуйте! Нажмите «Забыли пароль?» на странице входа и укажите почту, с которой регистрировались: придёт письмо со ссылкой, она действует 1 час и срабатывает один раз. Если письма нет, проверьте папку «Спам».',
  },
  {
    title: 'Связка кабинетов',
    body: 'Здравствуйте! Ребёнок отправляет приглашение родителю из своего кабинета, указав почту родителя. Родитель переходит по ссылке из письма, входит через Госуслуги и подтверждает связь — ссылка действует 7 дней. Если письмо не пришло, ребёнок может отправить приглашение ещё раз.',
  },
  {
    title: 'Нужно согласие родителя',
    body: 'Здравствуйте! Записаться на практические мероприятия можно только после согласия родителя на обработку данных ребёнка. Родитель даёт его в своём кабинете после входа через Госуслуги и связи с кабинетом ребёнка.',
  },
  {
    title: 'Нужны подробности',
    body: 'Здравствуйте! Чтобы разобраться, пришлите, пожалуйста, снимок экрана с ошибкой и напишите, с какого устройства и в каком браузере вы входите. Ответить можно прямо на это письмо.',
  },
];

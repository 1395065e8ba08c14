/** Every e-mail has a plain-text part and a simple HTML part; both say the same in Russian. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * Headers that thread a message in the recipient's mail client: where «Reply» goes, the id we give
 * the message (in angle brackets), and the letters it answers.
 */
export interface MailHeaders {
  replyTo?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const MAIL_SIGNATURE = 'Команда программы «Билет в будущее»';
const IGNORE_NOTE = 'Если вы не ждали этого письма, просто удалите его — без перехода по ссылке ничего не произойдёт.';

/** The action's button, and its address in words for clients that do not follow it; an optional note under it. */
export function mailButtonHtml(label: string, url: string, note?: string): string {
  return (
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#1c5fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>` +
    `<p style="font-size:13px;color:#555">Если кнопка не работает, скопируйте адрес в браузер: ${escapeHtml(url)}${note ? `<br>${escapeHtml(note)}` : ''}</p>`
  );
}

/** An image shown after the paragraphs, given as a data: URL; delivery turns it into an inline attachment. */
interface InlineImage {
  src: string;
  alt: string;
}

function compose(subject: string, greeting: string, paragraphs: string[], action?: { label: string; url: string; note?: string }, image?: InlineImage): MailContent {
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ...(action.note ? [action.note] : []), ''] : []),
    IGNORE_NOTE,
    '',
    MAIL_SIGNATURE,
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1b1e;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${image ? `<p><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" width="240" height="240"></p>` : ''}
${action ? mailButtonHtml(action.label, action.url, action.note) : ''}
<p style="font-size:13px;color:#555">${escapeHtml(IGNORE_NOTE)}</p>
<p>${escapeHtml(MAIL_SIGNATURE)}</p>
</body></html>`;
  return { subject, text, html };
}

export const mailTemplates = {
  activation: (p: { firstName: string; url: string }) =>
    compose(
      'Подтверди регистрацию в «Билете в будущее»',
      `Привет, ${p.firstName}!`,
      ['С этой почтой зарегистрировались в программе профориентации «Билет в будущее». Осталось подтвердить, что это твой адрес.'],
      { label: 'Подтвердить регистрацию', url: p.url, note: 'Ссылка действует 24 часа и срабатывает один раз.' },
    ),
  parentInvitation: (p: { childName: string; url: string }) =>
    compose(
      `${p.childName} приглашает вас в «Билет в будущее»`,
      'Здравствуйте!',
      [
        `${p.childName} участвует в программе профориентации «Билет в будущее» и просит вас присоединиться как родителя.`,
        'Родители входят через Госуслуги (ЕСИА). После входа вы свяжете свой кабинет с кабинетом ребёнка и дадите согласие на обработку его данных — без этого ребёнок не сможет записываться на практические мероприятия.',
      ],
      { label: 'Принять приглашение', url: p.url, note: 'Ссылка действует 7 дней.' },
    ),
  childInvitation: (p: { parentName: string; url: string }) =>
    compose(
      'Приглашение в «Билет в будущее»',
      'Привет!',
      [
        `${p.parentName} приглашает тебя в программу «Билет в будущее»: тесты о твоих интересах, профессиональные пробы у настоящих наставников и советы, куда двигаться дальше.`,
        'Зарегистрируйся по ссылке — твой кабинет сразу свяжется с кабинетом родителя.',
      ],
      { label: 'Зарегистрироваться', url: p.url, note: 'Ссылка действует 7 дней.' },
    ),
  passwordReset: (p: { firstName: string; url: string }) =>
    compose(
      'Восстановление пароля в «Билете в будущее»',
      `Здравствуйте, ${p.firstName}!`,
      ['Кто-то (надеемся, вы) попросил сменить пароль от кабинета.'],
      { label: 'Задать новый пароль', url: p.url, note: 'Ссылка действует 1 час и срабатывает один раз.' },
    ),
  childAccountCreated: (p: { firstName: string; parentName: string; url: string }) =>
    compose(
      'Твой кабинет в «Билете в будущее» готов',
      `Привет, ${p.firstName}!`,
      [`${p.parentName} создал(а) для тебя кабинет в программе «Билет в будущее». Перейди по ссылке и придумай пароль, чтобы входить в кабинет.`],
      { label: 'Войти в кабинет', url: p.url, note: 'Ссылка действует 24 часа и срабатывает один раз.' },
    ),
  registeredBySchool: (p: { firstName: string; schoolName: string; url: string }) =>
    compose(
      'Твой кабинет в «Билете в будущее» готов',
      `Привет, ${p.firstName}!`,
      [
        `Твоя школа — ${p.schoolName} — зарегистрировала тебя в программе профориентации «Билет в будущее»: тесты о твоих интересах, профессиональные пробы у настоящих наставников и советы, куда двигаться дальше.`,
        'Перейди по ссылке и придумай пароль — после этого ты сможешь входить в кабинет с этой почтой. Потом пригласи в кабинет родителя: без его согласия записаться на пробы не получится.',
      ],
      {
        label: 'Придумать пароль',
        url: p.url,
        note: 'Ссылка действует 24 часа и срабатывает один раз. Если она устарела, на странице входа нажми «Забыли пароль?» и укажи эту почту.',
      },
    ),
  staffInvitation: (p: { firstName: string; roleLabel: string; organisation: string; inviterName: string; url: string }) =>
    compose(
      'Приглашение в платформу «Билет в будущее»',
      `Здравствуйте, ${p.firstName}!`,
      [
        `${p.inviterName} приглашает вас работать в платформе программы профориентации «Билет в будущее» в роли «${p.roleLabel}» (${p.organisation}).`,
        'Перейдите по ссылке, придумайте пароль и примите согласие на обработку персональных данных — после этого откроется ваш кабинет.',
      ],
      { label: 'Принять приглашение', url: p.url, note: 'Ссылка действует 7 дней и срабатывает один раз.' },
    ),
  notification: (p: { firstName: string; title: string; body: string; url: string }) =>
    compose(p.title, `Здравствуйте, ${p.firstName}!`, [p.body], { label: 'Открыть кабинет', url: p.url }),
  /** A lesson's registration link for the school's responsible people, who pass it on to families. */
  lessonLink: (p: { firstName: string; title: string; when: string; linkUrl: string; qrDataUrl: string; pageUrl: string; renewed: boolean }) =>
    compose(
      `${p.renewed ? 'Новая ссылка' : 'Ссылка'} для записи на урок «${p.title}»`,
      `Здравствуйте, ${p.firstName}!`,
      [
        p.renewed
          ? `Для урока профессионального мастерства «${p.title}» (${p.when}) выпущена новая ссылка для записи; прежняя больше не работает.`
          : `Урок профессионального мастерства «${p.title}» (${p.when}) для учеников вашей школы согласован.`,
        'Передайте ссылку родителям учеников: по ней родитель входит через Госуслуги и записывает ребёнка.',
        `Ссылка для записи: ${p.linkUrl}`,
        'QR-код ниже ведёт на ту же ссылку — его можно распечатать или показать на родительском собрании.',
      ],
      { label: 'Открыть страницу урока', url: p.pageUrl },
      { src: p.qrDataUrl, alt: `QR-код ссылки для записи на урок «${p.title}»` },
    ),
};

export type MailTemplateName = keyof typeof mailTemplates;

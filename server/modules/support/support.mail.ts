import type { MailContent } from '../mail/index.js';

/** The support letters, in the mail module's style: a plain-text part and a simple HTML part saying the same. */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SIGNATURE = 'Служба поддержки программы «Билет в будущее»';

function compose(subject: string, paragraphs: string[], quoted: string | null, action: { label: string; url: string }, replyAddress: string): MailContent {
  const replyNote = `Чтобы дополнить обращение, ответьте на адрес ${replyAddress} или откройте обращение по ссылке.`;
  const text = [
    'Здравствуйте!',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(quoted ? [quoted, ''] : []),
    `${action.label}: ${action.url}`,
    '',
    replyNote,
    '',
    SIGNATURE,
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1b1e;line-height:1.5">
<p>Здравствуйте!</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${quoted ? `<blockquote style="border-left:3px solid #1c5fd1;margin:0;padding:4px 12px;white-space:pre-wrap">${escapeHtml(quoted)}</blockquote>` : ''}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;background:#1c5fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#555">Если кнопка не работает, скопируйте адрес в браузер: ${escapeHtml(action.url)}</p>
<p style="font-size:13px;color:#555">${escapeHtml(replyNote)}</p>
<p>${escapeHtml(SIGNATURE)}</p>
</body></html>`;
  return { subject, text, html };
}

export const supportMail = {
  received: (p: { number: string; url: string; replyAddress: string }) =>
    compose(
      `Обращение № ${p.number} получено`,
      [`Мы получили ваше обращение № ${p.number}. Статус и ответы можно посмотреть по ссылке — она только для вас, не пересылайте её.`],
      null,
      { label: 'Открыть обращение', url: p.url },
      p.replyAddress,
    ),
  answered: (p: { number: string; answer: string; url: string; replyAddress: string }) =>
    compose(`Ответ на обращение № ${p.number}`, [`На ваше обращение № ${p.number} пришёл ответ:`], p.answer, { label: 'Открыть обращение', url: p.url }, p.replyAddress),
};

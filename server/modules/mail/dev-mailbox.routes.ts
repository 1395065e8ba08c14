import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDevMailbox } from './mail.repository.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const linkify = (s: string) => escapeHtml(s).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');

const HEADER_LABELS = [
  ['replyTo', 'Reply-To'],
  ['messageId', 'Message-ID'],
  ['inReplyTo', 'In-Reply-To'],
  ['references', 'References'],
] as const;

/** The threading headers a message carries, as a mail client would show them. */
function headerLines(m: Record<(typeof HEADER_LABELS)[number][0], string | null>): string {
  const lines = HEADER_LABELS.filter(([key]) => m[key]).map(([key, label]) => `${label}: ${escapeHtml(m[key]!)}`);
  return lines.length ? `<p class="meta">${lines.join('<br>')}</p>` : '';
}

/** Development only: every message the platform "sent", readable in the browser and as JSON for tests. */
export const devMailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const query = z.object({ to: z.string().max(254).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

  app.get('/dev/mail/messages.json', { schema: { hide: true, querystring: query } }, async (request) => ({
    messages: await listDevMailbox(app.ctx.db, request.query.to?.toLowerCase(), request.query.limit),
  }));

  app.get('/dev/mail', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const messages = await listDevMailbox(app.ctx.db, request.query.to?.toLowerCase(), request.query.limit);
    const items = messages
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2><p class="meta">Кому: ${escapeHtml(m.to)} · ${m.createdAt.toISOString()}</p>${headerLines(m)}<pre>${linkify(m.text)}</pre></article>`,
      )
      .join('\n');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Почтовый ящик разработчика — Билет</title>
<style>body{font-family:system-ui,sans-serif;max-width:860px;margin:0 auto;padding:16px;color:#1a1b1e}
article{border:1px solid #ccc;border-radius:8px;padding:12px 16px;margin:12px 0}h2{font-size:18px;margin:0 0 4px}
.meta{color:#555;margin:0 0 8px}pre{white-space:pre-wrap;font-family:inherit}a{color:#1c4fb0}</style></head>
<body><h1>Почтовый ящик разработчика</h1><p>Письма, которые платформа отправила бы по почте. Этой страницы нет в рабочей среде.</p>
<form method="get"><label for="to">Получатель</label> <input id="to" name="to" value="${escapeHtml(request.query.to ?? '')}"> <button>Показать</button></form>
${items || '<p>Писем пока нет.</p>'}</body></html>`);
  });
};

import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a browser names the page's origin on every state-changing request,
 * so anything not from our own origin is refused. Requests without Origin and Sec-Fetch-Site come
 * from non-browser clients, which cannot ride a victim's cookie.
 */
export const originGuardPlugin = fp(async (app) => {
  const allowed = new URL(app.ctx.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // The emulator plays an outside identity provider; its own forms are not our state changes.
    const emulator = app.ctx.esiaEmulatorPath;
    if (emulator && request.url.startsWith(emulator)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const sameOrigin = origin ? origin === allowed || origin === `${request.protocol}://${request.host}` : fetchSite !== 'cross-site';
    if (!sameOrigin) {
      throw new AppError('cross_origin', 403, 'Запрос отклонён: он отправлен с другого сайта');
    }
  });
});

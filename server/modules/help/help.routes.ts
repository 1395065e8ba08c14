import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  helpArticleInputSchema,
  helpArticleParamsSchema,
  helpBotSchema,
  helpContactsQuerySchema,
  helpListQuerySchema,
  helpPreviewSchema,
  helpRegionContactsInputSchema,
  helpSearchQuerySchema,
  helpSlugParamsSchema,
  helpVersionParamsSchema,
  staffHelpQuerySchema,
} from '@common/schemas/help.js';
import { idSchema } from '@common/schemas/fields.js';
import { HELP_LIMITS } from '@common/help.js';
import { AppError } from '@server/lib/errors.js';
import { receiveUpload } from '@server/lib/uploads.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { findPrincipal, sessionHashFrom } from '@server/plugins/session.js';
import { answerQuestion, regionOfAsker, type Asker } from './bot.service.js';
import {
  articleVersion,
  articleVersions,
  createArticle,
  helpImage,
  previewArticle,
  publicArticle,
  publishHelpArticle,
  publishedArticles,
  regionContacts,
  restoreVersion,
  saveArticle,
  saveRegionContacts,
  searchArticles,
  staffArticle,
  staffArticles,
  uploadImage,
} from './help.service.js';


/**
 * The help centre: published articles, search and the bot for everyone (signed in or not); the
 * support operators write, publish and restore articles; coordinators keep their region's contacts.
 */
export const helpRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['help'];
  // Flood ceilings per address: a person asks a few questions a minute, a script hundreds; a class
  // behind one school address stays well under them.
  const BOT_LIMIT = { rateLimit: { max: app.ctx.config.rateLimitPerMinute * 3, timeWindow: '1 minute' } };
  const SEARCH_LIMIT = { rateLimit: { max: app.ctx.config.rateLimitPerMinute * 6, timeWindow: '1 minute' } };
  const readDrafts = app.authorize('help.read_drafts');
  const edit = app.authorize('help.edit');
  const contacts = app.authorize('help.contacts');

  /** Who asks, when a valid session came with the request; a gated or absent one is a visitor. */
  const askerOf = async (request: FastifyRequest): Promise<Asker> => {
    const hash = sessionHashFrom(request);
    const principal = hash ? await findPrincipal(app.ctx.database, hash, app.ctx.config.sessionIdleMs) : null;
    return { principal: principal && !principal.gate ? principal : null, sessionHash: hash };
  };

  app.get('/help/articles', { schema: { tags, summary: 'Published articles, by audience and topic', querystring: helpListQuerySchema } }, async (request) =>
    publishedArticles(app.ctx, request.query),
  );
  app.get('/help/articles/:slug', { schema: { tags, summary: 'A published article, rendered', params: helpSlugParamsSchema } }, async (request) =>
    publicArticle(app.ctx, request.params.slug),
  );
  app.get(
    '/help/search',
    { config: SEARCH_LIMIT, schema: { tags, summary: 'Search in Russian with word forms and typos: the best articles and their matching passage', querystring: helpSearchQuerySchema } },
    async (request) => ({ hits: (await searchArticles(app.ctx, request.query.q, { audience: request.query.audience })).map(({ coverage: _c, ...hit }) => hit) }),
  );
  app.post('/help/bot', { config: BOT_LIMIT, schema: { tags, summary: "The chat bot's answer from the help centre, knowing who asks", body: helpBotSchema } }, async (request) =>
    answerQuestion(app.ctx, await askerOf(request), request.body),
  );
  app.get(
    '/help/contacts',
    { schema: { tags, summary: "A region's operator contacts: the asked one, else the signed-in person's region", querystring: helpContactsQuerySchema } },
    async (request) => {
      const regionId = request.query.regionId ?? (await regionOfAsker(app.ctx, await askerOf(request)));
      return regionId ? regionContacts(app.ctx, regionId) : { regionId: null, regionName: null, contacts: null };
    },
  );
  app.put(
    '/help/contacts',
    { onRequest: contacts, schema: { tags, summary: "Set a region's operator contacts", body: helpRegionContactsInputSchema } },
    async (request) => saveRegionContacts(app.ctx, request.principal!, request.body, actorOf(request)),
  );
  app.get('/help/images/files/:name', { schema: { tags, summary: 'A screenshot kept in the repository', params: z.object({ name: z.string().max(100) }) } }, async (request, reply) => {
    const image = await helpImage(app.ctx, { name: request.params.name });
    return reply.header('content-type', image.contentType).header('cache-control', 'public, max-age=3600').send(image.data);
  });
  app.get('/help/images/:imageId', { schema: { tags, summary: 'A picture an operator uploaded', params: z.object({ imageId: idSchema }) } }, async (request, reply) => {
    const image = await helpImage(app.ctx, { id: request.params.imageId });
    return reply.header('content-type', image.contentType).header('cache-control', 'public, max-age=86400, immutable').send(image.data);
  });

  app.get('/staff/help/articles', { onRequest: readDrafts, schema: { tags, summary: 'Every article with its state', querystring: staffHelpQuerySchema } }, async (request) =>
    staffArticles(app.ctx, request.query),
  );
  app.post('/staff/help/articles', { onRequest: edit, schema: { tags, summary: 'A new article, as a draft', body: helpArticleInputSchema } }, async (request, reply) =>
    reply.status(201).send(await createArticle(app.ctx, request.principal!, request.body, actorOf(request))),
  );
  app.get('/staff/help/articles/:articleId', { onRequest: readDrafts, schema: { tags, summary: "An article's working copy", params: helpArticleParamsSchema } }, async (request) =>
    staffArticle(app.ctx, request.params.articleId),
  );
  app.put(
    '/staff/help/articles/:articleId',
    { onRequest: edit, schema: { tags, summary: 'Save the working copy; visitors see it once published', params: helpArticleParamsSchema, body: helpArticleInputSchema } },
    async (request) => saveArticle(app.ctx, request.principal!, request.params.articleId, request.body, actorOf(request)),
  );
  app.post(
    '/staff/help/articles/:articleId/publish',
    { onRequest: edit, schema: { tags, summary: 'Publish the working copy as a new version', params: helpArticleParamsSchema } },
    async (request) => publishHelpArticle(app.ctx, request.principal!, request.params.articleId, actorOf(request)),
  );
  app.get(
    '/staff/help/articles/:articleId/versions',
    { onRequest: readDrafts, schema: { tags, summary: 'Published versions, newest first', params: helpArticleParamsSchema } },
    async (request) => articleVersions(app.ctx, request.params.articleId),
  );
  app.get(
    '/staff/help/articles/:articleId/versions/:version',
    { onRequest: readDrafts, schema: { tags, summary: 'One published version, rendered', params: helpVersionParamsSchema } },
    async (request) => articleVersion(app.ctx, request.params.articleId, request.params.version),
  );
  app.post(
    '/staff/help/articles/:articleId/versions/:version/restore',
    { onRequest: edit, schema: { tags, summary: 'Put an old version back into the working copy', params: helpVersionParamsSchema } },
    async (request) => restoreVersion(app.ctx, request.principal!, request.params.articleId, request.params.version, actorOf(request)),
  );
  app.post('/staff/help/preview', { onRequest: readDrafts, schema: { tags, summary: 'Render Markdown as the page would', body: helpPreviewSchema } }, async (request) =>
    previewArticle(request.body.body),
  );
  app.post(
    '/staff/help/images',
    { onRequest: edit, schema: { tags, summary: 'Upload a PNG or JPEG picture for articles', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const upload = await receiveUpload(request, {
        maxBytes: HELP_LIMITS.imageBytes,
        missing: () => new AppError('file_missing', 400, 'Выберите картинку'),
        tooLarge: () => new AppError('file_too_large', 413, `Картинка больше ${HELP_LIMITS.imageBytes / 1024 / 1024} МБ — уменьшите её`),
      });
      return reply.status(201).send(await uploadImage(app.ctx, request.principal!, upload.data, actorOf(request)));
    },
  );
};

import cluster from 'node:cluster';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase, type Database } from './db/client.js';
import { JobQueue } from './jobs/queue.js';
import { createFileStore } from './lib/file-store/index.js';
import { createPdCrypto, loadKeyring } from './lib/pd-crypto.js';
import { WEB_DIST_DIR } from './lib/paths.js';
import { createLoggerOptions } from './lib/logger.js';
import { connectRedis } from './lib/redis.js';
import { clusterMetricsReader } from './lib/cluster-metrics.js';
import { errorsPlugin } from './plugins/errors.js';
import { textGuardPlugin } from './plugins/text-guard.js';
import { originGuardPlugin } from './plugins/origin-guard.js';
import { sessionPlugin } from './plugins/session.js';
import { requestLogPlugin } from './plugins/request-log.js';
import { createMetrics, metricsPlugin, type Metrics } from './plugins/metrics.js';
import { noStorePlugin } from './plugins/no-store.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { healthRoutes } from './modules/health/index.js';
import { MAIL_SWEEP_JOB, MailService, devMailboxRoutes } from './modules/mail/index.js';
import { referenceEditingRoutes, referenceRoutes } from './modules/reference/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { opportunitiesRoutes } from './modules/opportunities/index.js';
import { helpRoutes } from './modules/help/index.js';
import {
  SESSION_CLEANUP_JOB,
  authRoutes,
  correctionsRoutes,
  createEsiaClient,
  esiaRoutes,
  familyRoutes,
  onConsentLapsed,
  registerEsiaEmulator,
  setUpEsiaSigning,
  onRegistered,
  registerIdentityJobs,
  registrationRoutes,
  secondFactorRoutes,
  staffOnboardingRoutes,
} from './modules/identity/index.js';
import { paperConsentRoutes } from './modules/paper-consents/index.js';
import { instructionRoutes, organisationsRoutes, placesRoutes, regionsRoutes, staffRoutes } from './modules/organisations/index.js';
import { NORMS_CRON, NORMS_JOB, diagnosticsRoutes, onAttemptCompleted, registerDiagnosticsJobs, workbenchRoutes } from './modules/diagnostics/index.js';
import { recommendationsRoutes } from './modules/recommendations/index.js';
import {
  ENROLMENT_ANNOUNCEMENTS_JOB,
  ENROLMENT_HOLDS_JOB,
  EVENT_REMINDERS_JOB,
  cancelUpcomingOnConsentLapse,
  enrolmentRoutes,
  eventsRoutes,
  linkSummaryRoutes,
  mentorRoutes,
  onEnrolmentChanged,
  onFeedbackRecorded,
  registerEnrolmentJobs,
  registerEventJobs,
} from './modules/events/index.js';
import { IMPORT_CLEANUP_JOB, importsRoutes, participantsRoutes, registerImportJobs } from './modules/participants/index.js';
import { planDraftingListener, studyPlansRoutes } from './modules/study-plans/index.js';
import { KPI_DIGEST_CRON, KPI_DIGEST_JOB, KPI_REFRESH_JOB, kpiRoutes, registerKpiJobs } from './modules/kpi/index.js';
import { onSupportRequest, startSupportSmtp, supportRoutes } from './modules/support/index.js';
import { pdKeysRoutes, registerPdKeyJobs } from './modules/pd-keys/index.js';
import { AUDIT_ALERTS_CRON, AUDIT_ALERTS_JOB, auditReviewRoutes, registerAuditJobs } from './modules/audit/index.js';
import { DATA_RIGHTS_SCHEDULES, dataRightsRoutes, registerDataRightsJobs } from './modules/data-rights/index.js';

export const ESIA_EMULATOR_PATH = '/esia-emulator';

/** Dev-only secrets live in the data dir so restarts keep sessions of the emulator and ESIA flows working. */
function devSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, 'keys', name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface BuildOptions {
  /** An already opened database (tests hand in a fresh one). */
  database?: Database;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: DestinationStream;
  /** The built web app to serve (tests hand in a directory of their own). */
  webDistDir?: string;
}

/** Builds the whole platform: plugins first, then every module's routes, then the web app. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: createLoggerOptions(config, opts.logStream),
    // Our own hook writes one line per request without query strings (see plugins/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  fs.mkdirSync(config.dataDir, { recursive: true });
  const files = createFileStore({ dataDir: config.dataDir, s3: config.s3 });
  // A bucket that cannot be reached stops the start here rather than at the first upload.
  await files.check().catch(async (err: unknown) => {
    await files.close();
    throw err;
  });
  const database = opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  const keyring = loadKeyring({ current: config.pdEncryptionKey, previous: config.pdPreviousKeys, index: config.pdIndexKey }, config.dataDir);
  const jobs = new JobQueue(database.raw, app.log, [
    { name: MAIL_SWEEP_JOB, cron: '* * * * *' },
    { name: SESSION_CLEANUP_JOB, cron: '*/15 * * * *' },
    { name: IMPORT_CLEANUP_JOB, cron: '7 * * * *' },
    { name: ENROLMENT_HOLDS_JOB, cron: '* * * * *' },
    { name: ENROLMENT_ANNOUNCEMENTS_JOB, cron: '* * * * *' },
    { name: EVENT_REMINDERS_JOB, cron: '*/5 * * * *' },
    { name: KPI_REFRESH_JOB, cron: '* * * * *' },
    { name: KPI_DIGEST_JOB, cron: KPI_DIGEST_CRON },
    { name: AUDIT_ALERTS_JOB, cron: AUDIT_ALERTS_CRON },
    { name: NORMS_JOB, cron: NORMS_CRON },
    ...DATA_RIGHTS_SCHEDULES,
  ]);
  const esiaIssuer = config.esia.issuer ?? `${config.publicUrl}${ESIA_EMULATOR_PATH}`;
  const esiaSecret = config.esia.clientSecret ?? devSecret(config.dataDir, 'esia-client-secret');
  const esiaSigning = await setUpEsiaSigning(
    { keyFile: config.esia.signingKeyFile, certFile: config.esia.signingCertFile, emulator: config.esiaEmulator, dataDir: config.dataDir },
    app.log,
  );
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    pd: createPdCrypto(keyring.current, { previousKeys: keyring.previous, indexKey: keyring.index }),
    files,
    jobs,
    mail: new MailService(database.db, jobs, app.log, { smtpUrl: config.smtpUrl, from: config.mailFrom }),
    esia: createEsiaClient({
      issuer: esiaIssuer,
      clientId: config.esia.clientId,
      clientSecret: esiaSecret,
      signer: esiaSigning?.signer,
      redirectUri: `${config.publicUrl}/api/auth/esia/callback`,
      allowInsecure: esiaIssuer.startsWith('http://'),
    }),
    esiaEmulatorPath: config.esiaEmulator ? ESIA_EMULATOR_PATH : undefined,
    cookieSecret: Buffer.from(crypto.hkdfSync('sha256', keyring.index, Buffer.alloc(0), 'bilet/cookie-sign', 32)).toString('base64url'),
  };
  registerIdentityJobs(ctx);
  registerEventJobs(ctx);
  registerImportJobs(ctx, app.log);
  registerEnrolmentJobs(ctx);
  registerKpiJobs(ctx, app.log);
  registerDiagnosticsJobs(ctx, app.log);
  registerPdKeyJobs(ctx, app.log);
  registerAuditJobs(ctx, app.log);
  registerDataRightsJobs(ctx, app.log);
  onFeedbackRecorded(ctx, planDraftingListener(ctx, app.log));
  onConsentLapsed(ctx, (tx, afterCommit, lapse) => cancelUpcomingOnConsentLapse(ctx, tx, afterCommit, lapse));
  const metrics = createMetrics({ poolStats: () => database.poolStats(), dueJobs: () => jobs.dueJobs() });
  countBusinessEvents(ctx, metrics);
  app.decorate('ctx', ctx);
  if (config.supportSmtpPort) {
    const smtp = startSupportSmtp(ctx, app.log, config.supportSmtpPort, config.host);
    app.addHook('onReady', () => smtp.ready);
    app.addHook('onClose', () => smtp.close());
  }
  app.addHook('onClose', async () => {
    await jobs.stop();
    ctx.mail.close();
    await files.close();
    if (!opts.database) await database.close();
  });

  await app.register(errorsPlugin);
  await app.register(textGuardPlugin);
  await app.register(requestLogPlugin);
  await app.register(metricsPlugin, { metrics, token: config.metricsToken, ...(cluster.isWorker ? { read: clusterMetricsReader(metrics.registry) } : {}) });
  await app.register(noStorePlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...(config.esia.issuer ? [new URL(config.esia.issuer).origin] : [])],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  // Behind a load balancer every instance counts into the same Redis; alone, a process counts in memory.
  const redis = config.redisUrl ? connectRedis(config.redisUrl, app.log) : null;
  if (redis) app.addHook('onClose', async () => void (await redis.quit()));
  await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'bilet:rate-limit:', skipOnError: true } : {}) });
  // One file per request; each upload route sets its own smaller size limit and checks the content.
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1024, parts: 12, fileSize: 10 * 1024 * 1024 } });
  await app.register(originGuardPlugin);
  await app.register(sessionPlugin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Bilet API', version: '1.0.0', description: 'API of the Bilet career guidance platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bilet_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(referenceRoutes);
      await api.register(referenceEditingRoutes);
      await api.register(authRoutes);
      await api.register(esiaRoutes);
      await api.register(registrationRoutes);
      await api.register(familyRoutes);
      await api.register(secondFactorRoutes);
      await api.register(staffOnboardingRoutes);
      await api.register(correctionsRoutes);
      await api.register(notificationsRoutes);
      await api.register(participantsRoutes);
      await api.register(importsRoutes);
      await api.register(regionsRoutes);
      await api.register(organisationsRoutes);
      await api.register(instructionRoutes);
      await api.register(staffRoutes);
      await api.register(paperConsentRoutes);
      await api.register(placesRoutes);
      await api.register(diagnosticsRoutes);
      await api.register(workbenchRoutes);
      await api.register(eventsRoutes);
      await api.register(enrolmentRoutes);
      await api.register(linkSummaryRoutes);
      await api.register(opportunitiesRoutes);
      await api.register(helpRoutes);
      await api.register(mentorRoutes);
      await api.register(recommendationsRoutes);
      await api.register(studyPlansRoutes);
      await api.register(supportRoutes);
      await api.register(kpiRoutes);
      await api.register(pdKeysRoutes);
      await api.register(auditReviewRoutes);
      await api.register(dataRightsRoutes);
    },
    { prefix: '/api' },
  );

  if (config.devMailbox) await app.register(devMailboxRoutes);
  if (ctx.esiaEmulatorPath) {
    await registerEsiaEmulator(app, {
      issuer: esiaIssuer,
      mountPath: ESIA_EMULATOR_PATH,
      clients: [
        {
          client_id: config.esia.clientId,
          client_secret: esiaSecret,
          redirect_uris: [`${config.publicUrl}/api/auth/esia/callback`],
          certificateFile: esiaSigning?.files.certFile,
        },
      ],
      citizensFile: path.join(config.dataDir, 'esia-emulator', 'citizens.json'),
      cookieKeys: [devSecret(config.dataDir, 'esia-emulator-cookie')],
    });
  }
  await registerWebApp(app, opts.webDistDir ?? WEB_DIST_DIR);
  return app;
}

/** The business events each module announces after commit, counted for Prometheus. */
function countBusinessEvents(ctx: AppContext, metrics: Metrics): void {
  onRegistered(ctx, (r) => metrics.registrations.inc({ scenario: r.scenario, role: r.role }, r.count));
  onEnrolmentChanged(ctx, (e) => metrics.enrolments.inc({ status: e.status }, e.count));
  onAttemptCompleted(ctx, (a) => metrics.attemptsCompleted.inc({ kind: a.kind }));
  onSupportRequest(ctx, (r) => metrics.supportRequests.inc({ channel: r.channel, outcome: r.outcome }));
}

/**
 * The built single-page app from the same port; unknown non-API paths get index.html for the
 * router. The build writes brotli and gzip copies beside each file, and the one the browser
 * accepts is sent. Files under assets/ carry a hash of their content in their name, so they are
 * cached for a year; index.html is checked again on every visit, so a release reaches everyone.
 */
async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, serve: false, index: false, preCompressed: true, cacheControl: false });
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    let file: string;
    try {
      file = decodeURIComponent(request.url.split('?')[0]!).slice(1);
    } catch {
      return reply.status(400).send({ error: { code: 'bad_request', message: 'Некорректный адрес страницы' } });
    }
    if (file.startsWith('api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Не найдено' } });
    if (file && !file.includes('..') && fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile()) {
      return reply.header('cache-control', file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, serve);
  app.get('/*', { schema: { hide: true } }, serve);
}

/** Starts the job workers; the web process and the workers share one queue. */
export async function startJobs(app: FastifyInstance): Promise<void> {
  if (app.ctx.config.jobsEnabled) await app.ctx.jobs.start();
}

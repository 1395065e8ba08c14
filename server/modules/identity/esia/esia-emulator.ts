/**
 * ESIA (Госуслуги) emulator for development and tests: an OpenID Connect provider built on
 * `oidc-provider`, mounted inside the Fastify app under `mountPath`, with our own Russian
 * sign-in pages where one picks (or creates) a test citizen.
 *
 * Never register this in production: anyone can sign in as anyone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { CitizenStore, SUPPORTED_SCOPES, claimsOf, type EsiaTestCitizen } from './emulator/citizens.js';
import { EMPTY_FORM, FormError, formFrom, readForm, validateCitizen, type CreateForm, type CreateFormErrors } from './emulator/citizen-form.js';
import { memoryAdapterFactory } from './emulator/memory-adapter.js';
import { checkSignedRequest, withoutSignatureParams } from './emulator/signature-check.js';
import { loadOrCreateJwks } from './emulator/signing-keys.js';
import { logoutView } from './emulator/views/logout.view.js';
import { messagePage } from './emulator/views/message.view.js';
import { signInView } from './emulator/views/sign-in.view.js';

export { ESIA_TEST_CITIZENS, type EsiaTestCitizen } from './emulator/citizens.js';

// ---------------------------------------------------------------------------------------------
// oidc-provider ships no type declarations (and @types/oidc-provider is not installed), so it is
// loaded through a non-literal dynamic import and described here by the few members we use.
// ---------------------------------------------------------------------------------------------

interface OidcInteraction {
  uid: string;
  returnTo: string;
  grantId?: string;
  accountId?: string;
  session?: { accountId?: string };
  prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
  params: Record<string, unknown>;
}

interface OidcGrant {
  accountId?: string;
  clientId?: string;
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

interface OidcProvider {
  proxy: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => unknown;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
  interactionResult(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<string>;
  Grant: {
    new (props: { accountId: string; clientId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

type OidcProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

async function loadProviderClass(): Promise<OidcProviderConstructor> {
  const specifier: string = 'oidc-provider';
  const mod = (await import(specifier)) as { default: OidcProviderConstructor };
  return mod.default;
}

// ---------------------------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------------------------

export interface EsiaEmulatorOptions {
  /** Public issuer URL including the mount path, e.g. http://localhost:3000/esia-emulator */
  issuer: string;
  /** Where it is mounted in the Fastify app, e.g. /esia-emulator */
  mountPath: string;
  /**
   * With `certificateFile`, the client is checked as ESIA checks it: every authorization and token
   * request must carry a GOST signature by that certificate's key (see esia-secret.ts).
   */
  clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[]; certificateFile?: string }>;
  /** JSON file where created test citizens persist (directories are created as needed). */
  citizensFile: string;
  /** Keys to sign the emulator's cookies, newest first. */
  cookieKeys: string[];
  /** Private JWKS for ID token signing; generated and kept next to citizensFile when absent. */
  jwks?: object;
}

function isSessionNotFound(err: unknown): boolean {
  return err instanceof Error && (err.name === 'SessionNotFound' || (err as { error?: unknown }).error === 'invalid_request');
}

export async function registerEsiaEmulator(app: FastifyInstance, opts: EsiaEmulatorOptions): Promise<void> {
  const mountPath = ('/' + opts.mountPath.replace(/^\/+|\/+$/g, '')).replace(/^\/$/, '');
  if (!mountPath) throw new Error('ESIA emulator: mountPath must not be the root');
  const issuerUrl = new URL(opts.issuer);
  if (issuerUrl.pathname.replace(/\/+$/, '') !== mountPath) {
    throw new Error(`ESIA emulator: issuer path (${issuerUrl.pathname}) must equal mountPath (${mountPath})`);
  }
  if (!opts.cookieKeys.length) throw new Error('ESIA emulator: cookieKeys must not be empty');
  const overHttps = issuerUrl.protocol === 'https:';

  const store = new CitizenStore(opts.citizensFile);
  const jwks = opts.jwks ?? (await loadOrCreateJwks(opts.citizensFile));
  const Provider = await loadProviderClass();

  // Browsers drop `SameSite=None` cookies that are not `Secure`, and `Secure` needs https,
  // so over plain http (dev) every cookie is `Lax`; oidc-provider only marks cookies `Secure`
  // when the request itself is secure.
  const cookieOptions = { httpOnly: true, signed: true, sameSite: overHttps ? 'none' : 'lax' };

  const provider = new Provider(issuerUrl.href.replace(/\/+$/, ''), {
    adapter: memoryAdapterFactory(),
    clients: opts.clients.map((c) => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      redirect_uris: c.redirect_uris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: c.certificateFile ? 'client_secret_post' : 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    jwks,
    cookies: {
      keys: opts.cookieKeys,
      long: cookieOptions,
      short: { ...cookieOptions, sameSite: 'lax' },
    },
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: {
      openid: ['sub'],
      profile: ['family_name', 'given_name', 'middle_name', 'birthdate'],
      email: ['email', 'email_verified'],
      snils: ['snils'],
    },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = logoutView(form);
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = messagePage(undefined, 'Вы вышли', 'Вы вышли из тестовой учётной записи ЕСИА.');
        },
      },
    },
    interactions: {
      url: async (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const citizen = await store.find(sub);
      if (!citizen) return undefined;
      return {
        accountId: citizen.sub,
        claims: async () => claimsOf(citizen),
      };
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.body = messagePage(
        undefined,
        'Ошибка входа',
        `Эмулятор ЕСИА не смог обработать запрос: ${String(out.error ?? 'server_error')}${
          out.error_description ? ` (${String(out.error_description)})` : ''
        }.`,
      );
    },
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      Interaction: 30 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
    },
    clockTolerance: 5,
  });
  // Trust X-Forwarded-Proto/Host from a TLS-terminating or dev proxy in front of the API; over
  // plain http with no such headers this changes nothing and cookies stay non-secure.
  provider.proxy = true;
  provider.on('server_error', (_ctx: unknown, err: unknown) => app.log.error({ err }, 'ESIA emulator server_error'));

  const formAction = [
    "'self'",
    ...new Set(
      opts.clients.flatMap((c) =>
        c.redirect_uris.flatMap((u) => {
          try {
            return [new URL(u).origin];
          } catch {
            return [];
          }
        }),
      ),
    ),
  ].join(' ');

  const sendPage = (reply: FastifyReply, status: number, nonce: string, html: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header(
        'content-security-policy',
        // form-action must allow the redirect chain back to the client (Chrome checks redirects).
        `default-src 'none'; style-src 'nonce-${nonce}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      )
      .send(html);

  const sendMessage = (reply: FastifyReply, status: number, title: string, text: string) => {
    const nonce = randomBytes(16).toString('base64');
    return sendPage(reply, status, nonce, messagePage(nonce, title, text));
  };

  /** Loads the interaction behind the cookie and checks it is the one in the URL. */
  const loadInteraction = async (req: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) => {
    try {
      const details = await provider.interactionDetails(req.raw, reply.raw);
      if (details.uid !== req.params.uid) return undefined;
      return details;
    } catch (err) {
      if (isSessionNotFound(err)) return undefined;
      throw err;
    }
  };

  const expired = (reply: FastifyReply) =>
    sendMessage(reply, 400, 'Сеанс входа истёк', 'Вернитесь на сайт и начните вход через Госуслуги заново.');

  /** Grants everything our own clients asked for, so no consent screen is ever shown. */
  const autoGrant = async (details: OidcInteraction, accountId: string): Promise<string> => {
    const clientId = String(details.params.client_id ?? '');
    let grant: OidcGrant | undefined;
    if (details.grantId) {
      const existing = await provider.Grant.find(details.grantId);
      if (existing && existing.accountId === accountId && existing.clientId === clientId) grant = existing;
    }
    grant ??= new provider.Grant({ accountId, clientId });
    const requested = typeof details.params.scope === 'string' ? details.params.scope.split(/\s+/) : [];
    const missing = Array.isArray(details.prompt.details.missingOIDCScope)
      ? (details.prompt.details.missingOIDCScope as string[])
      : [];
    const scopes = [...new Set([...requested, ...missing])].filter((s) =>
      (SUPPORTED_SCOPES as readonly string[]).includes(s),
    );
    if (scopes.length) grant.addOIDCScope(scopes.join(' '));
    const claims = new Set<string>(
      Array.isArray(details.prompt.details.missingOIDCClaims) ? (details.prompt.details.missingOIDCClaims as string[]) : [],
    );
    if (typeof details.params.claims === 'string') {
      try {
        const parsed = JSON.parse(details.params.claims) as Record<string, Record<string, unknown> | null>;
        for (const part of [parsed.id_token, parsed.userinfo]) if (part) for (const k of Object.keys(part)) claims.add(k);
      } catch {
        /* the provider has validated it already */
      }
    }
    if (claims.size) grant.addOIDCClaims([...claims]);
    return grant.save();
  };

  const finish = async (req: FastifyRequest, reply: FastifyReply, result: Record<string, unknown>) => {
    const returnTo = await provider.interactionResult(req.raw, reply.raw, result, { mergeWithLastSubmission: false });
    return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
  };

  /** Login and consent in one go: the grant is made before the provider would ask for it. */
  const signInAs = async (req: FastifyRequest, reply: FastifyReply, details: OidcInteraction, sub: string) => {
    const grantId = await autoGrant(details, sub);
    return finish(req, reply, { login: { accountId: sub }, consent: { grantId } });
  };

  const renderInteraction = async (
    reply: FastifyReply,
    details: OidcInteraction,
    status: number,
    form: CreateForm,
    errors: CreateFormErrors,
  ) => {
    const nonce = randomBytes(16).toString('base64');
    const clientId = String(details.params.client_id ?? '');
    const html = signInView({
      nonce,
      base: `${mountPath}/interaction/${encodeURIComponent(details.uid)}`,
      clientName: clientId,
      citizens: await store.all(),
      form,
      errors,
    });
    return sendPage(reply, status, nonce, html);
  };

  const callback = provider.callback();

  await app.register(async (scope) => {
    // Leave request bodies alone: oidc-provider (and our form handlers) read the raw stream.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));

    scope.setErrorHandler(async (err, req, reply) => {
      if (err instanceof FormError) return sendMessage(reply, err.status, 'Ошибка', err.message);
      req.log.error({ err }, 'ESIA emulator interaction failed');
      return sendMessage(reply, 500, 'Ошибка эмулятора ЕСИА', 'Попробуйте начать вход заново.');
    });

    scope.get<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid`, async (req, reply) => {
      const details = await loadInteraction(req, reply);
      if (!details) return expired(reply);
      if (details.prompt.name === 'consent') {
        // Already signed in at the emulator (no prompt=login): consent silently and move on.
        const accountId = details.session?.accountId ?? details.accountId;
        if (accountId) {
          const grantId = await autoGrant(details, accountId);
          return finish(req, reply, { consent: { grantId } });
        }
      }
      if (details.prompt.name !== 'login' && details.prompt.name !== 'consent') {
        return sendMessage(reply, 400, 'Ошибка входа', `Неизвестный шаг входа: ${details.prompt.name}`);
      }
      return renderInteraction(reply, details, 200, EMPTY_FORM, {});
    });

    scope.post<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid/login`, async (req, reply) => {
      const params = await readForm(req);
      const details = await loadInteraction(req, reply);
      if (!details) return expired(reply);
      const sub = params.get('sub') ?? '';
      const citizen = sub ? await store.find(sub) : undefined;
      if (!citizen) {
        return renderInteraction(reply, details, 422, EMPTY_FORM, { sub: 'Такого тестового гражданина нет.' });
      }
      return signInAs(req, reply, details, citizen.sub);
    });

    scope.post<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid/create`, async (req, reply) => {
      const params = await readForm(req);
      const details = await loadInteraction(req, reply);
      if (!details) return expired(reply);
      const form = formFrom(params);
      const { citizen, errors } = validateCitizen(form);
      if (!citizen) return renderInteraction(reply, details, 422, form, errors);
      const created: EsiaTestCitizen = { sub: `esia-test-${randomUUID()}`, ...citizen };
      await store.add(created);
      return signInAs(req, reply, details, created.sub);
    });

    scope.post<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid/abort`, async (req, reply) => {
      await readForm(req).catch(() => undefined);
      const details = await loadInteraction(req, reply);
      if (!details) return expired(reply);
      return finish(req, reply, { error: 'access_denied', error_description: 'End-User aborted interaction' });
    });

    const signedClients = new Map(opts.clients.flatMap((c) => (c.certificateFile ? [[c.client_id, c] as const] : [])));

    /**
     * ESIA's signed requests: the authorization request's query and the token request's body are
     * checked against the client's certificate, then handed on as plain OAuth (the token request
     * with the client's secret, since oidc-provider knows no GOST).
     */
    const checkSignature = async (req: FastifyRequest, reply: FastifyReply, rest: string): Promise<string | null> => {
      const raw = req.raw as IncomingMessage & { body?: string };
      const [pathname = '', search = ''] = rest.split('?');
      if (req.method === 'GET' && pathname === '/auth') {
        const query = new URLSearchParams(search);
        const client = signedClients.get(query.get('client_id') ?? '');
        if (!client) return rest;
        const problem = await checkSignedRequest(query, client.certificateFile!);
        if (problem) {
          await sendMessage(reply, 400, 'Ошибка входа', `Запрос не подписан сертификатом системы (${problem}).`);
          return null;
        }
        return `${pathname}?${withoutSignatureParams(query).toString()}`;
      }
      if (req.method === 'POST' && pathname === '/token') {
        const body = await readForm(req);
        const client = signedClients.get(body.get('client_id') ?? '');
        if (client) {
          const problem = await checkSignedRequest(body, client.certificateFile!);
          if (problem) {
            await reply.code(401).type('application/json').send({ error: 'invalid_client', error_description: `client_secret signature: ${problem}` });
            return null;
          }
        }
        const handed = client ? withoutSignatureParams(body) : body;
        if (client) handed.set('client_secret', client.client_secret);
        // oidc-provider reads an already consumed body from req.body.
        raw.body = handed.toString();
      }
      return rest;
    };

    // Everything else under the mount path is the OpenID provider itself.
    const handOver = async (req: FastifyRequest, reply: FastifyReply) => {
      const raw = req.raw as IncomingMessage & { originalUrl?: string };
      const url = raw.url ?? '/';
      let rest = url.startsWith(mountPath) ? url.slice(mountPath.length) : url;
      if (!rest.startsWith('/')) rest = `/${rest}`;
      const checked = signedClients.size > 0 ? await checkSignature(req, reply, rest) : rest;
      if (checked === null) return reply;
      // oidc-provider finds its mount path as what originalUrl has before url: both must match.
      raw.originalUrl = `${mountPath}${checked}`;
      raw.url = checked;
      reply.hijack();
      void callback(raw, reply.raw);
      return reply;
    };
    scope.all(mountPath, handOver);
    scope.all(`${mountPath}/*`, handOver);
  });
}

/**
 * Relying party for ESIA (Госуслуги) over OpenID Connect: authorization code flow with PKCE,
 * `openid-client` v6. The caller keeps `state`, `nonce` and `codeVerifier` (e.g. in a short-lived
 * signed cookie) between `startSignIn` and `finishSignIn`.
 */
import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { signRequest } from './esia-secret.js';
import type { EsiaSigner } from './gost-signature.js';

/** What the platform learns about a parent from ESIA. Absent claims stay undefined. */
export interface EsiaClaims {
  sub: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** 11 digits only */
  snils?: string;
  email?: string;
  emailVerified?: boolean;
}

export type EsiaErrorCode = 'access_denied' | 'provider_unavailable' | 'invalid_response';

export class EsiaError extends Error {
  override readonly name = 'EsiaError';

  constructor(
    readonly code: EsiaErrorCode,
    message: string,
    options?: { cause?: unknown; providerError?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.providerError = options?.providerError;
  }

  /** The OAuth `error` value the provider sent, when there was one (e.g. `access_denied`, `invalid_grant`). */
  readonly providerError: string | undefined;
}

export interface EsiaClientConfig {
  issuer: string;
  clientId: string;
  /** Used only where no signer is given: a provider that takes a shared secret. */
  clientSecret: string;
  /** Signs every request's client_secret, as ESIA requires; without it the shared secret is sent. */
  signer?: EsiaSigner;
  redirectUri: string;
  /** Allow plain-http issuers (dev / tests against the emulator). */
  allowInsecure: boolean;
}

export interface EsiaSignInStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface EsiaChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface EsiaClient {
  startSignIn(): Promise<EsiaSignInStart>;
  finishSignIn(callbackUrl: URL, checks: EsiaChecks): Promise<EsiaClaims>;
}

export const ESIA_SCOPE = 'openid profile email snils';

/** Errors of the provider that mean "try again later" rather than "something is wrong". */
const UNAVAILABLE_ERRORS = new Set(['server_error', 'temporarily_unavailable']);

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // fetch() rejects with TypeError('fetch failed') on connection problems; timeouts abort.
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return true;
  return err instanceof TypeError && /fetch failed|network/i.test(err.message);
}

/** Maps whatever openid-client / fetch threw onto our three error codes. */
function toEsiaError(err: unknown, stage: 'discovery' | 'callback'): EsiaError {
  if (err instanceof EsiaError) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    if (err.error === 'access_denied') {
      return new EsiaError('access_denied', 'Вход через Госуслуги отменён', { cause: err, providerError: err.error });
    }
    const code = UNAVAILABLE_ERRORS.has(err.error) ? 'provider_unavailable' : 'invalid_response';
    return new EsiaError(code, `ESIA authorization error: ${err.error}`, { cause: err, providerError: err.error });
  }
  if (err instanceof oidc.ResponseBodyError) {
    const code = err.status >= 500 || UNAVAILABLE_ERRORS.has(err.error) ? 'provider_unavailable' : 'invalid_response';
    return new EsiaError(code, `ESIA endpoint error: ${err.error}`, { cause: err, providerError: err.error });
  }
  if (isNetworkError(err)) {
    return new EsiaError('provider_unavailable', 'ESIA is unreachable', { cause: err });
  }
  if (stage === 'discovery') {
    // A broken or missing discovery document is as good as no provider at all.
    return new EsiaError('provider_unavailable', 'ESIA discovery failed', { cause: err });
  }
  const status = (err as { cause?: unknown })?.cause instanceof Response ? ((err as { cause: Response }).cause.status) : 0;
  if (status >= 500) return new EsiaError('provider_unavailable', 'ESIA endpoint failed', { cause: err });
  return new EsiaError('invalid_response', 'ESIA returned an invalid response', { cause: err });
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** Accepts OIDC `YYYY-MM-DD` and ESIA's own `DD.MM.YYYY`; anything else is dropped. */
function normalizeBirthDate(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const russian = iso ? null : /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : russian ? [russian[3], russian[2], russian[1]] : [];
  if (!y || !mo || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return undefined;
  }
  return `${y}-${mo}-${d}`;
}

function normalizeSnilsClaim(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const digits = s.replace(/[\s-]/g, '');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

function normalizeBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function claimsFrom(source: Record<string, unknown>, sub: string): EsiaClaims {
  const out: EsiaClaims = { sub };
  const lastName = str(source.family_name);
  const firstName = str(source.given_name);
  const middleName = str(source.middle_name);
  const birthDate = normalizeBirthDate(source.birthdate);
  const snils = normalizeSnilsClaim(source.snils);
  const email = str(source.email);
  const emailVerified = normalizeBoolean(source.email_verified);
  if (lastName) out.lastName = lastName;
  if (firstName) out.firstName = firstName;
  if (middleName) out.middleName = middleName;
  if (birthDate) out.birthDate = birthDate;
  if (snils) out.snils = snils;
  if (email) {
    out.email = email;
    if (emailVerified !== undefined) out.emailVerified = emailVerified;
  }
  return out;
}

const PROFILE_CLAIMS = ['family_name', 'given_name', 'middle_name', 'birthdate', 'snils', 'email'] as const;

/**
 * ESIA's client authentication at the token endpoint: a new state and timestamp and a signature
 * over them, in the form body, instead of any shared secret.
 */
function signedClientAuth(signer: EsiaSigner, cfg: EsiaClientConfig): oidc.ClientAuth {
  return async (_as, _client, body) => {
    const fields = await signRequest(signer, { clientId: cfg.clientId, scope: ESIA_SCOPE, redirectUri: body.get('redirect_uri') ?? cfg.redirectUri });
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    body.set('token_type', 'Bearer');
  };
}

export function createEsiaClient(cfg: EsiaClientConfig): EsiaClient {
  let configuration: Promise<oidc.Configuration> | undefined;
  const clientAuth = cfg.signer ? signedClientAuth(cfg.signer, cfg) : oidc.ClientSecretBasic(cfg.clientSecret);

  /** Discovered on first use (the emulator may live in this very process) and cached; retried after failure. */
  const getConfiguration = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(
        new URL(cfg.issuer),
        cfg.clientId,
        { client_secret: cfg.clientSecret, redirect_uris: [cfg.redirectUri], response_types: ['code'] },
        clientAuth,
        cfg.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        configuration = undefined;
        throw toEsiaError(err, 'discovery');
      });
    return configuration;
  };

  return {
    async startSignIn() {
      const config = await getConfiguration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
      // ESIA takes only a UUID for state.
      const state = cfg.signer ? randomUUID() : oidc.randomState();
      const nonce = oidc.randomNonce();
      const signed = cfg.signer
        ? { ...(await signRequest(cfg.signer, { clientId: cfg.clientId, scope: ESIA_SCOPE, redirectUri: cfg.redirectUri, state })), access_type: 'online' }
        : {};
      const url = oidc.buildAuthorizationUrl(config, {
        ...signed,
        redirect_uri: cfg.redirectUri,
        scope: ESIA_SCOPE,
        response_type: 'code',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        nonce,
        // Always show the sign-in page: a shared family computer must not reuse the last parent.
        prompt: 'login',
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finishSignIn(callbackUrl, checks) {
      const config = await getConfiguration();
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw toEsiaError(err, 'callback');
      }
      const idClaims = tokens.claims();
      const sub = str(idClaims?.sub);
      if (!idClaims || !sub) throw new EsiaError('invalid_response', 'ESIA returned no subject');

      let source: Record<string, unknown> = idClaims;
      // Providers that keep profile claims out of the ID token: ask userinfo instead.
      if (!PROFILE_CLAIMS.some((k) => k in idClaims) && tokens.access_token) {
        try {
          source = { ...(await oidc.fetchUserInfo(config, tokens.access_token, sub)), ...idClaims };
        } catch (err) {
          throw toEsiaError(err, 'callback');
        }
      }
      return claimsFrom(source, sub);
    },
  };
}

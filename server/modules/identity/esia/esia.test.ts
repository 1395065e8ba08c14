import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isValidSnils } from '@common/validators.js';
import { browser, freePort, type Browser } from '@server/test/http-browser.js';
import { createEsiaClient, EsiaError, type EsiaClient } from './esia-client.js';
import { ESIA_TEST_CITIZENS } from './esia-emulator.js';
import { EMULATOR_MOUNT as MOUNT, startEmulator } from './emulator-fixture.js';

const CLIENT_ID = 'bilet-test';
const CLIENT_SECRET = 'test-secret-that-is-long-enough-0123456789';

describe('ESIA emulator and relying party', () => {
  let app: FastifyInstance;
  let dir: string;
  let issuer: string;
  let redirectUri: string;
  let citizensFile: string;
  let client: EsiaClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esia-emulator-'));
    citizensFile = join(dir, 'nested', 'citizens.json');
    ({ app, issuer, redirectUri } = await startEmulator({ id: CLIENT_ID, secret: CLIENT_SECRET }, citizensFile));
    client = createEsiaClient({ issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, allowInsecure: true });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Follows redirects (carrying cookies) until the interaction page or the client's redirect_uri. */
  async function follow(b: Browser, start: URL, res?: Response): Promise<{ url: URL; res?: Response }> {
    let url = start;
    let current = res ?? (await b.request(url));
    for (let hops = 0; hops < 10; hops++) {
      if (current.status < 300 || current.status >= 400) return { url, res: current };
      const location = current.headers.get('location');
      expect(location, `redirect from ${url.href}`).toBeTruthy();
      url = new URL(location!, url);
      if (url.href.startsWith(redirectUri)) return { url };
      current = await b.request(url);
    }
    throw new Error('too many redirects');
  }

  /** Starts a sign-in and returns the rendered interaction page. */
  async function openInteraction() {
    const start = await client.startSignIn();
    const b = browser();
    const { url, res } = await follow(b, new URL(start.url));
    expect(url.pathname).toMatch(new RegExp(`^${MOUNT}/interaction/[^/]+$`));
    expect(res?.status).toBe(200);
    const html = await res!.text();
    return { start, b, url, html };
  }

  function formAction(html: string, suffix: string, pageUrl: URL): URL {
    const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!);
    const action = actions.find((a) => a.endsWith(suffix));
    expect(action, `form ending with ${suffix}`).toBeTruthy();
    return new URL(action!, pageUrl);
  }

  async function submit(b: Browser, action: URL, form: Record<string, string>): Promise<URL> {
    const res = await b.request(action, { form });
    expect(res.status, await res.clone().text()).toBe(303);
    const { url } = await follow(b, action, res);
    expect(url.href.startsWith(redirectUri)).toBe(true);
    return url;
  }

  it('seeds adult parents with valid SNILS numbers', () => {
    expect(ESIA_TEST_CITIZENS.length).toBeGreaterThanOrEqual(4);
    for (const c of ESIA_TEST_CITIZENS) {
      expect(c.snils && isValidSnils(c.snils), `${c.lastName} ${c.snils}`).toBe(true);
      const year = Number(c.birthDate?.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1975);
      expect(year).toBeLessThanOrEqual(1992);
      expect(c.email).toMatch(/^[a-z]+\.parent@example\.ru$/);
    }
    expect(new Set(ESIA_TEST_CITIZENS.map((c) => c.sub)).size).toBe(ESIA_TEST_CITIZENS.length);
  });

  it('signs in as a seeded citizen and returns their claims', async () => {
    const { start, b, url, html } = await openInteraction();
    const citizen = ESIA_TEST_CITIZENS[0]!;
    expect(html).toContain('Госуслуги');
    expect(html).toContain(citizen.lastName!);
    expect(html).toContain(`***-***-*** ${citizen.snils!.slice(9)}`);
    expect(html).not.toContain(citizen.snils!.slice(0, 3) + '-');
    expect(html).toContain('Создать тестового гражданина');

    const callback = await submit(b, formAction(html, '/login', url), { sub: citizen.sub });
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(start.state);

    await expect(client.finishSignIn(callback, { ...start, state: 'forged' })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    const claims = await client.finishSignIn(callback, start);
    expect(claims).toEqual({
      sub: citizen.sub,
      lastName: citizen.lastName,
      firstName: citizen.firstName,
      middleName: citizen.middleName,
      birthDate: citizen.birthDate,
      snils: citizen.snils,
      email: citizen.email,
      emailVerified: true,
    });
    expect(claims.snils).toMatch(/^\d{11}$/);

    // The code is single-use.
    await expect(client.finishSignIn(callback, start)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('creates a citizen without SNILS, persists them and signs in as them', async () => {
    const { start, b, url, html } = await openInteraction();
    const callback = await submit(b, formAction(html, '/create', url), {
      lastName: 'Тестова',
      firstName: 'Ольга',
      middleName: '',
      birthDate: '1986-02-28',
      snils: '',
      email: 'testova.parent@example.ru',
      emailVerified: '1',
    });
    const claims = await client.finishSignIn(callback, start);
    expect(claims.snils).toBeUndefined();
    expect(claims.middleName).toBeUndefined();
    expect(claims).toMatchObject({
      lastName: 'Тестова',
      firstName: 'Ольга',
      birthDate: '1986-02-28',
      email: 'testova.parent@example.ru',
      emailVerified: true,
    });

    const saved = JSON.parse(await readFile(citizensFile, 'utf8')) as { citizens: Array<{ sub: string }> };
    expect(saved.citizens.map((c) => c.sub)).toContain(claims.sub);

    // The new citizen is listed for the next sign-in.
    const next = await openInteraction();
    expect(next.html).toContain('Тестова Ольга');
    expect(next.html).toContain('нет СНИЛС');
  });

  it('re-renders the form with errors for malformed input', async () => {
    const { b, url, html } = await openInteraction();
    const res = await b.request(formAction(html, '/create', url), {
      form: { lastName: 'Иванов', snils: '123', email: 'not-an-email', birthDate: '31.02.1990' },
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('СНИЛС: нужно 11 цифр');
    expect(page).toContain('Электронная почта: неверный формат');
    expect(page).toContain('Дата рождения: неверная дата');
    expect(page).toContain('value="Иванов"');
  });

  it('turns «Отмена» into EsiaError access_denied', async () => {
    const { start, b, url, html } = await openInteraction();
    const callback = await submit(b, formAction(html, '/abort', url), {});
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const err = await client.finishSignIn(callback, start).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EsiaError);
    expect((err as EsiaError).code).toBe('access_denied');
  });

  it('serves the same claims from userinfo', async () => {
    const config = await oidc.discovery(new URL(issuer), CLIENT_ID, CLIENT_SECRET, oidc.ClientSecretBasic(CLIENT_SECRET), {
      execute: [oidc.allowInsecureRequests],
    });
    const start = await client.startSignIn();
    const b = browser();
    const { url } = await follow(b, new URL(start.url));
    const citizen = ESIA_TEST_CITIZENS[1]!;
    const callback = await submit(b, new URL(`${url.pathname}/login`, url), { sub: citizen.sub });
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: start.codeVerifier,
      expectedState: start.state,
      expectedNonce: start.nonce,
    });
    const info = await oidc.fetchUserInfo(config, tokens.access_token, citizen.sub);
    expect(info).toMatchObject({
      sub: citizen.sub,
      family_name: citizen.lastName,
      given_name: citizen.firstName,
      middle_name: citizen.middleName,
      birthdate: citizen.birthDate,
      snils: `${citizen.snils!.slice(0, 3)}-${citizen.snils!.slice(3, 6)}-${citizen.snils!.slice(6, 9)} ${citizen.snils!.slice(9)}`,
      email: citizen.email,
      email_verified: true,
    });
  });

  it('reuses the emulator session and consents silently when more scopes are asked for later', async () => {
    const config = await oidc.discovery(new URL(issuer), CLIENT_ID, CLIENT_SECRET, oidc.ClientSecretBasic(CLIENT_SECRET), {
      execute: [oidc.allowInsecureRequests],
    });
    const authUrl = async (scope: string, prompt?: string) => {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: oidc.randomState(),
      };
      if (prompt) params.prompt = prompt;
      return { url: oidc.buildAuthorizationUrl(config, params), codeVerifier, state: params.state! };
    };
    const citizen = ESIA_TEST_CITIZENS[2]!;
    const b = browser();

    // First only `openid`, signing in on the page.
    const first = await authUrl('openid', 'login');
    const { url } = await follow(b, first.url);
    await submit(b, new URL(`${url.pathname}/login`, url), { sub: citizen.sub });

    // Then more scopes without prompt=login: no page is shown, the consent prompt is auto-granted.
    const second = await authUrl('openid profile email snils');
    const { url: back, res } = await follow(b, second.url);
    expect(res, 'expected no interaction page').toBeUndefined();
    expect(back.searchParams.get('code')).toBeTruthy();
    const tokens = await oidc.authorizationCodeGrant(config, back, {
      pkceCodeVerifier: second.codeVerifier,
      expectedState: second.state,
    });
    expect(tokens.claims()).toMatchObject({ sub: citizen.sub, family_name: citizen.lastName, email: citizen.email });
  });

  it('rejects an authorization request without PKCE', async () => {
    const params = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 'x',
    });
    const res = await fetch(`${issuer}/auth?${params}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', issuer);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('reports provider_unavailable when ESIA cannot be reached, and recovers later', async () => {
    const port = await freePort();
    const offline = createEsiaClient({
      issuer: `http://127.0.0.1:${port}${MOUNT}`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri,
      allowInsecure: true,
    });
    await expect(offline.startSignIn()).rejects.toMatchObject({ name: 'EsiaError', code: 'provider_unavailable' });
    // Discovery failure is not cached: the working client still works after a failed one.
    await expect(client.startSignIn()).resolves.toMatchObject({ url: expect.stringContaining(`${MOUNT}/auth?`) });
  });
});

/**
 * ESIA (Госуслуги) emulator for development and tests: an OpenID Connect provider built on
 * `oidc-provider`, mounted inside the Fastify app under `mountPath`, with our own Russian
 * sign-in pages where one picks (or creates) a test citizen.
 *
 * Never register this in production: anyone can sign in as anyone.
 */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { formatSnils, maskSnils, normalizeSnils } from '@common/validators.js';

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
// Test citizens
// ---------------------------------------------------------------------------------------------

export interface EsiaTestCitizen {
  /** Stable subject identifier (ESIA `oid`-like). */
  sub: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** 11 digits, no separators. */
  snils?: string;
  email?: string;
  emailVerified?: boolean;
}

/** Seeded adult parents. SNILS numbers carry valid control numbers. */
export const ESIA_TEST_CITIZENS: readonly EsiaTestCitizen[] = Object.freeze([
  {
    sub: 'esia-test-1000001',
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthDate: '1984-03-12',
    snils: '11223344595',
    email: 'ivanova.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000002',
    lastName: 'Петров',
    firstName: 'Алексей',
    middleName: 'Викторович',
    birthDate: '1979-11-05',
    snils: '12845673181',
    email: 'petrov.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000003',
    lastName: 'Смирнова',
    firstName: 'Елена',
    middleName: 'Андреевна',
    birthDate: '1990-07-23',
    snils: '14309568262',
    email: 'smirnova.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000004',
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    middleName: 'Игоревич',
    birthDate: '1976-01-30',
    snils: '15673290486',
    email: 'kuznetsov.parent@example.ru',
    emailVerified: true,
  },
  {
    sub: 'esia-test-1000005',
    lastName: 'Ахмедова',
    firstName: 'Гульнара',
    middleName: 'Рашидовна',
    birthDate: '1988-09-14',
    snils: '16924037882',
    email: 'akhmedova.parent@example.ru',
    emailVerified: true,
  },
].map((c) => Object.freeze(c)));

const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'snils'] as const;

/** OIDC claims of a citizen; claims the citizen lacks are left out entirely. */
function claimsOf(c: EsiaTestCitizen): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { sub: c.sub };
  if (c.lastName) out.family_name = c.lastName;
  if (c.firstName) out.given_name = c.firstName;
  if (c.middleName) out.middle_name = c.middleName;
  if (c.birthDate) out.birthdate = c.birthDate;
  if (c.snils) out.snils = formatSnils(c.snils);
  if (c.email) {
    out.email = c.email;
    out.email_verified = c.emailVerified ?? false;
  }
  return out;
}

/** Created citizens live in a JSON file so they survive restarts; seeded ones come from code. */
class CitizenStore {
  #writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async created(): Promise<EsiaTestCitizen[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { citizens?: unknown }).citizens;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (c): c is EsiaTestCitizen => typeof c === 'object' && c !== null && typeof (c as { sub?: unknown }).sub === 'string',
    );
  }

  async all(): Promise<EsiaTestCitizen[]> {
    return [...ESIA_TEST_CITIZENS, ...(await this.created())];
  }

  async find(sub: string): Promise<EsiaTestCitizen | undefined> {
    return (await this.all()).find((c) => c.sub === sub);
  }

  add(citizen: EsiaTestCitizen): Promise<void> {
    const run = this.#writing.then(async () => {
      const list = await this.created();
      list.push(citizen);
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, JSON.stringify({ version: 1, citizens: list }, null, 2) + '\n', 'utf8');
      await rename(tmp, this.file);
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }
}

// ---------------------------------------------------------------------------------------------
// Signing keys
// ---------------------------------------------------------------------------------------------

async function loadOrCreateJwks(citizensFile: string): Promise<object> {
  const file = join(dirname(citizensFile), 'esia-emulator-jwks.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as object;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  const jwks = { keys: [jwk] };
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, JSON.stringify(jwks, null, 2) + '\n', { encoding: 'utf8', flag: 'wx', mode: 0o600 });
  } catch (err) {
    // Another process got there first: use its keys so both sign alike.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return JSON.parse(await readFile(file, 'utf8')) as object;
    }
    throw err;
  }
  return jwks;
}

// ---------------------------------------------------------------------------------------------
// Storage adapter: a per-provider in-memory store (the built-in one is process-global and warns).
// ---------------------------------------------------------------------------------------------

interface StoredEntry {
  payload: Record<string, unknown>;
  expiresAt: number;
}

function memoryAdapterFactory(): (name: string) => object {
  const store = new Map<string, StoredEntry>();
  const get = (key: string): Record<string, unknown> | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  const set = (key: string, payload: Record<string, unknown>, expiresIn: number | undefined) => {
    store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY });
  };
  const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);
  // Sweep expired entries now and then so a long dev session does not grow without bound.
  let writes = 0;
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  };

  return (name: string) => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
        if (++writes % 500 === 0) sweep();
        if (name === 'Session' && typeof payload.uid === 'string') set(`sessionUid:${payload.uid}`, { id }, expiresIn);
        if (grantable.has(name) && typeof payload.grantId === 'string') {
          const grantKey = `grant:${payload.grantId}`;
          const existing = get(grantKey);
          const keys = Array.isArray(existing?.keys) ? (existing.keys as string[]) : [];
          keys.push(key(id));
          set(grantKey, { keys }, expiresIn);
        }
        if (typeof payload.userCode === 'string') set(`userCode:${payload.userCode}`, { id }, expiresIn);
        set(key(id), payload, expiresIn);
      },
      async find(id: string) {
        return get(key(id));
      },
      async findByUid(uid: string) {
        const ref = get(`sessionUid:${uid}`);
        return typeof ref?.id === 'string' ? get(key(ref.id)) : undefined;
      },
      async findByUserCode(userCode: string) {
        const ref = get(`userCode:${userCode}`);
        return typeof ref?.id === 'string' ? get(key(ref.id)) : undefined;
      },
      async consume(id: string) {
        const payload = get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId: string) {
        const grantKey = `grant:${grantId}`;
        const ref = get(grantKey);
        if (Array.isArray(ref?.keys)) for (const k of ref.keys as string[]) store.delete(k);
        store.delete(grantKey);
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function fullName(c: EsiaTestCitizen): string {
  return [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ') || 'Без имени';
}

function ruDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Helvetica Neue",Arial,"Segoe UI",Roboto,sans-serif;background:#f1f5fa;color:#0b1f33;line-height:1.45}
header{background:#fff;border-bottom:1px solid #dde3ec}
.bar{max-width:640px;margin:0 auto;padding:12px 16px;display:flex;align-items:center;gap:10px}
.logo{display:inline-flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:8px;background:#0d4cd3;color:#fff;font-weight:700;font-size:18px}
.brand{font-weight:700;font-size:18px}.brand span{display:block;font-weight:400;font-size:13px;color:#66727f}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:8px 0 12px}
h2{font-size:1.15rem;margin:0 0 12px}
.card{background:#fff;border-radius:12px;padding:16px;margin:0 0 16px;box-shadow:0 1px 4px rgba(11,31,51,.08)}
.warn{background:#fff4e5;border:1px solid #f2b35b;border-radius:8px;padding:10px 12px;margin:0 0 16px;font-size:.95rem}
.errors{background:#fdecec;border:1px solid #e57373;border-radius:8px;padding:10px 12px;margin:0 0 16px}
.errors ul{margin:4px 0 0;padding-left:20px}
ul.citizens{list-style:none;margin:0;padding:0}
ul.citizens li{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding:12px 0;border-top:1px solid #e6ebf2}
ul.citizens li:first-child{border-top:0}
.who{min-width:0;flex:1 1 220px}.who strong{display:block;overflow-wrap:anywhere}
.meta{display:block;font-size:.9rem;color:#4a5a6a}.nw{white-space:nowrap}
.tag{display:inline-block;font-size:.8rem;background:#eef2f7;border-radius:4px;padding:0 6px;margin-right:4px}
form.inline{margin:0}
label{display:block;font-weight:600;margin:12px 0 4px}
.hint{display:block;font-weight:400;font-size:.85rem;color:#5b6774}
.field-error{color:#b71c1c;margin-top:4px}
input[type=text],input[type=date],input[type=email]{width:100%;min-height:44px;padding:8px 12px;font:inherit;border:1px solid #b8c3d0;border-radius:8px;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#d32f2f}
.check{display:flex;align-items:center;gap:8px;font-weight:400}
.check input{width:20px;height:20px;margin:0}
button{min-height:44px;padding:8px 20px;font:inherit;font-weight:600;border-radius:8px;border:1px solid #0d4cd3;cursor:pointer}
button.primary{background:#0d4cd3;color:#fff}
button.primary:hover{background:#0b3fb0}
button.secondary{background:#fff;color:#0d4cd3}
button:focus-visible,input:focus-visible{outline:3px solid #ff9e00;outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
footer{max-width:640px;margin:0 auto;padding:0 16px 24px;font-size:.85rem;color:#4f5b67}
`;

/** `nonce` is omitted for pages oidc-provider itself serves (no CSP header of ours there). */
function pageShell(nonce: string | undefined, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>${STYLE}</style>
</head>
<body>
<header><div class="bar"><span class="logo" aria-hidden="true">Г</span><div class="brand">Госуслуги<span>тестовый вход (эмулятор ЕСИА)</span></div></div></header>
<main id="main">
${body}
</main>
<footer>Эмулятор ЕСИА для разработки и тестирования. Данные вымышленные.</footer>
</body>
</html>`;
}

interface CreateForm {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  snils: string;
  email: string;
  emailVerified: boolean;
}

const EMPTY_FORM: CreateForm = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  snils: '',
  email: '',
  emailVerified: true,
};

function interactionPage(opts: {
  nonce: string;
  base: string;
  clientName: string;
  citizens: EsiaTestCitizen[];
  form: CreateForm;
  errors: Partial<Record<keyof CreateForm | 'sub', string>>;
}): string {
  const { base, citizens, form, errors } = opts;
  const errorList = Object.entries(errors).filter(([, v]) => v);
  const field = (name: keyof CreateForm, label: string, type: string, extra = '', hint = '') => {
    const err = errors[name];
    const hintId = `${name}-hint`;
    const errId = `${name}-error`;
    const describedBy = [hint ? hintId : '', err ? errId : ''].filter(Boolean).join(' ');
    return `<label for="f-${name}">${esc(label)}${hint ? `<span class="hint" id="${hintId}">${esc(hint)}</span>` : ''}</label>
<input id="f-${name}" name="${name}" type="${type}" value="${esc(form[name])}" ${extra}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${err ? ' aria-invalid="true"' : ''}>
${err ? `<span class="hint field-error" id="${errId}">${esc(err)}</span>` : ''}`;
  };

  const list = citizens
    .map((c) => {
      const name = fullName(c);
      const tags = [!c.snils ? 'нет СНИЛС' : '', !c.email ? 'нет e-mail' : '', !c.birthDate ? 'нет даты рождения' : '']
        .filter(Boolean)
        .map((t) => `<span class="tag">${t}</span>`)
        .join('');
      return `<li>
<div class="who"><strong>${esc(name)}</strong>
<span class="meta">Дата рождения: <span class="nw">${c.birthDate ? esc(ruDate(c.birthDate)) : 'не указана'}</span></span>
<span class="meta">СНИЛС: <span class="nw">${c.snils ? esc(maskSnils(c.snils)) : 'не указан'}</span></span>
${tags ? `<div>${tags}</div>` : ''}</div>
<form class="inline" method="post" action="${esc(base)}/login">
<input type="hidden" name="sub" value="${esc(c.sub)}">
<button type="submit" class="primary" aria-label="Войти как ${esc(name)}">Войти</button>
</form>
</li>`;
    })
    .join('\n');

  const body = `<h1>Вход через Госуслуги</h1>
<p class="warn" role="note"><strong>Тестовый вход.</strong> Это эмулятор ЕСИА: выберите вымышленного гражданина, чтобы войти в «${esc(opts.clientName)}». Настоящие данные не вводите.</p>
${
  errorList.length
    ? `<div class="errors" role="alert" tabindex="-1"><strong>Исправьте ошибки:</strong><ul>${errorList
        .map(([k, v]) => `<li>${k === 'sub' ? esc(v) : `<a href="#f-${esc(k)}">${esc(v)}</a>`}</li>`)
        .join('')}</ul></div>`
    : ''
}
<section class="card" aria-labelledby="list-title">
<h2 id="list-title">Тестовые граждане</h2>
<ul class="citizens">
${list}
</ul>
</section>
<section class="card" aria-labelledby="create-title">
<h2 id="create-title">Создать тестового гражданина</h2>
<p class="meta">Все поля необязательны: пустое поле означает, что ЕСИА не передаст эти данные. После создания выполняется вход.</p>
<form method="post" action="${esc(base)}/create" novalidate>
${field('lastName', 'Фамилия', 'text', 'autocomplete="off" maxlength="100"')}
${field('firstName', 'Имя', 'text', 'autocomplete="off" maxlength="100"')}
${field('middleName', 'Отчество', 'text', 'autocomplete="off" maxlength="100"')}
${field('birthDate', 'Дата рождения', 'date', 'min="1900-01-01"')}
${field('snils', 'СНИЛС', 'text', 'inputmode="numeric" autocomplete="off" maxlength="20"', '11 цифр, например 123-456-789 01; контрольное число не проверяется')}
${field('email', 'Электронная почта', 'email', 'autocomplete="off" maxlength="254"')}
<label class="check" for="f-emailVerified"><input id="f-emailVerified" name="emailVerified" type="checkbox" value="1"${form.emailVerified ? ' checked' : ''}>Почта подтверждена</label>
<div class="actions"><button type="submit" class="primary">Создать и войти</button></div>
</form>
</section>
<form method="post" action="${esc(base)}/abort" class="actions">
<button type="submit" class="secondary">Отмена</button>
</form>`;
  return pageShell(opts.nonce, 'Госуслуги — тестовый вход (эмулятор ЕСИА)', body);
}

function messagePage(nonce: string | undefined, title: string, text: string): string {
  return pageShell(
    nonce,
    `${title} — эмулятор ЕСИА`,
    `<h1>${esc(title)}</h1><div class="card"><p>${esc(text)}</p></div>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Form parsing and validation
// ---------------------------------------------------------------------------------------------

const FORM_LIMIT = 16 * 1024;

class FormError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readForm(req: FastifyRequest): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new FormError(415, 'Ожидалась отправка формы.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.raw as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > FORM_LIMIT) throw new FormError(413, 'Слишком большая форма.');
    chunks.push(buf);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const NAME_RE = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

function parseBirthDate(input: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(input))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > Date.now()) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validateCitizen(form: CreateForm): {
  citizen?: Omit<EsiaTestCitizen, 'sub'>;
  errors: Partial<Record<keyof CreateForm, string>>;
} {
  const errors: Partial<Record<keyof CreateForm, string>> = {};
  const out: Omit<EsiaTestCitizen, 'sub'> = {};
  const names = [
    ['lastName', 'Фамилия'],
    ['firstName', 'Имя'],
    ['middleName', 'Отчество'],
  ] as const;
  for (const [key, label] of names) {
    const value = form[key].replace(/\s+/g, ' ').trim();
    if (!value) continue;
    if (value.length > 100 || !NAME_RE.test(value)) errors[key] = `${label}: только буквы, пробел, дефис и апостроф`;
    else out[key] = value;
  }
  if (form.birthDate.trim()) {
    const date = parseBirthDate(form.birthDate.trim());
    if (!date) errors.birthDate = 'Дата рождения: неверная дата';
    else out.birthDate = date;
  }
  if (form.snils.trim()) {
    const digits = normalizeSnils(form.snils.trim());
    if (!/^\d{11}$/.test(digits)) errors.snils = 'СНИЛС: нужно 11 цифр';
    else out.snils = digits;
  }
  if (form.email.trim()) {
    const email = form.email.trim();
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = 'Электронная почта: неверный формат';
    else {
      out.email = email;
      out.emailVerified = form.emailVerified;
    }
  }
  return Object.keys(errors).length ? { errors } : { citizen: out, errors };
}

function formFrom(params: URLSearchParams): CreateForm {
  const get = (k: string) => (params.get(k) ?? '').slice(0, 300);
  return {
    lastName: get('lastName'),
    firstName: get('firstName'),
    middleName: get('middleName'),
    birthDate: get('birthDate'),
    snils: get('snils'),
    email: get('email'),
    emailVerified: params.has('emailVerified'),
  };
}

// ---------------------------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------------------------

export interface EsiaEmulatorOptions {
  /** Public issuer URL including the mount path, e.g. http://localhost:3000/esia-emulator */
  issuer: string;
  /** Where it is mounted in the Fastify app, e.g. /esia-emulator */
  mountPath: string;
  clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[] }>;
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
      token_endpoint_auth_method: 'client_secret_basic',
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
          ctx.body = pageShell(
            undefined,
            'Выход — эмулятор ЕСИА',
            `<h1>Выйти из тестовой учётной записи?</h1><div class="card">${form}
<div class="actions"><button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Выйти</button>
<button class="secondary" type="submit" form="op.logoutForm">Остаться</button></div></div>`,
          );
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
    errors: Partial<Record<keyof CreateForm | 'sub', string>>,
  ) => {
    const nonce = randomBytes(16).toString('base64');
    const clientId = String(details.params.client_id ?? '');
    const html = interactionPage({
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

    // Everything else under the mount path is the OpenID provider itself.
    const handOver = (req: FastifyRequest, reply: FastifyReply) => {
      const raw = req.raw as IncomingMessage & { originalUrl?: string };
      const url = raw.url ?? '/';
      raw.originalUrl = url;
      let rest = url.startsWith(mountPath) ? url.slice(mountPath.length) : url;
      if (!rest.startsWith('/')) rest = `/${rest}`;
      raw.url = rest;
      reply.hijack();
      void callback(raw, reply.raw);
    };
    scope.all(mountPath, handOver);
    scope.all(`${mountPath}/*`, handOver);
  });
}

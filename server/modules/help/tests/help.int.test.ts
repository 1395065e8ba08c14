import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { activateFromMail, confirmedParent, registerPupil } from '@server/test/factories.js';
import { MULTIPART_HEADERS, multipart } from '@server/test/multipart.js';
import { createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { readContentFiles } from '../content-files.js';
import { syncHelpContent } from '../index.js';

let t: TestApp;
let operator: StaffMember;
let issuer: StaffMember;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const article = (slug: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  audience: 'parent',
  topic: 'faq',
  title: 'Как оплатить кружок робототехники',
  summary: 'Кружок робототехники в школе оплачивается через бухгалтерию.',
  body: 'Оплатить кружок робототехники можно в бухгалтерии школы по квитанции.\n\nКвитанцию выдаёт классный руководитель.',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  operator = await createStaff(t, 'support_operator');
  issuer = await createStaff(t, 'issuer_admin');
}, 180_000);
afterAll(() => t.close());

const titles = (hits: Array<{ slug: string }>) => hits.map((h) => h.slug);

describe('the help centre as visitors read it', () => {
  it('holds the repository articles, published, and renders one', async () => {
    const list = await t.api('GET', '/api/help/articles');
    expect(list.status).toBe(200);
    expect(list.body.articles.length).toBeGreaterThanOrEqual(30);
    const one = await t.api('GET', '/api/help/articles/zapis-rebenka');
    expect(one.status).toBe(200);
    expect(one.body.html).toContain('<strong>«Записать ребенка»</strong>');
    expect((await t.api('GET', '/api/help/articles/net-takoy-stati')).status).toBe(404);
  });

  it('finds articles by other forms of a word: «запись» finds the ones that say «записаться»', async () => {
    for (const q of ['запись на пробу', 'как записаться на пробу', 'записи']) {
      const res = await t.api('GET', `/api/help/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(titles(res.body.hits).slice(0, 3), q).toContain('zapis-na-proby');
    }
  });

  it('forgives a typo: «диагностка» finds the diagnostics article, with the passage marked', async () => {
    const res = await t.api('GET', `/api/help/search?q=${encodeURIComponent('онлайн диагностка')}`);
    expect(res.status).toBe(200);
    expect(titles(res.body.hits).slice(0, 3)).toContain('onlain-diagnostika');
    const hit = res.body.hits.find((h: { slug: string }) => h.slug === 'onlain-diagnostika');
    expect(hit.passage.some((p: { hit: boolean; text: string }) => p.hit && /диагностик/i.test(p.text))).toBe(true);
  });

  it('refuses an empty or huge query with a Russian message', async () => {
    const short = await t.api('GET', '/api/help/search?q=a');
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.error)).toMatch(/два символа/);
    expect((await t.api('GET', `/api/help/search?q=${'я'.repeat(300)}`)).status).toBe(400);
  });

  it('serves the screenshots kept in the repository and nothing outside them', async () => {
    const ok = await t.api('GET', '/api/help/images/files/register.png');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect((await t.api('GET', '/api/help/images/files/..%2F..%2Fhelp.service.ts')).status).toBe(404);
  });
});

describe('editing articles', () => {
  it('lets only the support operator write, and the issuer read the drafts', async () => {
    const pupil = await registerPupil(t);
    expect((await t.api('POST', '/api/staff/help/articles', { body: article('chuzhaya') })).status).toBe(401);
    expect((await t.api('POST', '/api/staff/help/articles', { cookie: pupil.cookie, body: article('chuzhaya') })).status).toBe(403);
    expect((await t.api('POST', '/api/staff/help/articles', { cookie: issuer.cookie, body: article('chuzhaya') })).status).toBe(403);
    expect((await t.api('GET', '/api/staff/help/articles', { cookie: issuer.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/staff/help/articles', { cookie: pupil.cookie })).status).toBe(403);
  });

  it('keeps a draft from the public until it is published, and keeps every published version', async () => {
    const created = await t.api('POST', '/api/staff/help/articles', { cookie: operator.cookie, body: article('oplata-kruzhka') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await t.api('GET', '/api/help/articles/oplata-kruzhka')).status).toBe(404);
    const before = await t.api('GET', `/api/help/search?q=${encodeURIComponent('робототехника')}`);
    expect(titles(before.body.hits)).not.toContain('oplata-kruzhka');

    expect((await t.api('POST', `/api/staff/help/articles/${id}/publish`, { cookie: operator.cookie })).status).toBe(200);
    const published = await t.api('GET', '/api/help/articles/oplata-kruzhka');
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(1);
    const found = await t.api('GET', `/api/help/search?q=${encodeURIComponent('робототехника')}`);
    expect(titles(found.body.hits)[0]).toBe('oplata-kruzhka');

    const edited = await t.api('PUT', `/api/staff/help/articles/${id}`, { cookie: operator.cookie, body: article('oplata-kruzhka', { title: 'Оплата кружка робототехники' }) });
    expect(edited.status).toBe(200);
    expect(edited.body.hasDraft).toBe(true);
    expect((await t.api('GET', '/api/help/articles/oplata-kruzhka')).body.title).toBe('Как оплатить кружок робототехники');
    expect((await t.api('POST', `/api/staff/help/articles/${id}/publish`, { cookie: operator.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/help/articles/oplata-kruzhka')).body.title).toBe('Оплата кружка робототехники');
    expect((await t.api('POST', `/api/staff/help/articles/${id}/publish`, { cookie: operator.cookie })).status).toBe(409);

    const versions = await t.api('GET', `/api/staff/help/articles/${id}/versions`, { cookie: issuer.cookie });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const restored = await t.api('POST', `/api/staff/help/articles/${id}/versions/1/restore`, { cookie: operator.cookie });
    expect(restored.status).toBe(200);
    expect(restored.body.title).toBe('Как оплатить кружок робототехники');
    expect(restored.body.hasDraft).toBe(true);
    expect((await t.api('GET', '/api/help/articles/oplata-kruzhka')).body.title).toBe('Оплата кружка робототехники');
    const [audit] = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${id} and action like 'help.%'`);
    expect(audit!.n).toBe(5);
  });

  it('never lets HTML or a script of a body reach the page', async () => {
    const body = 'Текст <script>alert(1)</script> и <img src=x onerror=alert(2)>\n\n[ссылка](javascript:alert(3)) и [сайт](https://example.ru)';
    const created = await t.api('POST', '/api/staff/help/articles', { cookie: operator.cookie, body: article('html-v-tekste', { body }) });
    expect(created.status).toBe(201);
    await t.api('POST', `/api/staff/help/articles/${created.body.id}/publish`, { cookie: operator.cookie });
    const page = await t.api('GET', '/api/help/articles/html-v-tekste');
    expect(page.body.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(page.body.html).toContain('&lt;script&gt;');
    expect(page.body.html).toContain('href="https://example.ru"');
  });

  it('refuses a huge body, a bad slug and a taken slug, changing nothing', async () => {
    const huge = await t.api('POST', '/api/staff/help/articles', { cookie: operator.cookie, body: article('ogromnaya', { body: 'слово '.repeat(12_000) }) });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(huge.body.error)).toMatch(/слишком большой/);
    expect((await t.api('POST', '/api/staff/help/articles', { cookie: operator.cookie, body: article('Плохой адрес') })).status).toBe(400);
    expect((await t.api('POST', '/api/staff/help/articles', { cookie: operator.cookie, body: article('faq') })).status).toBe(409);
    const [n] = await t.rows<{ n: number }>(sql`select count(*)::int as n from help_articles where slug = 'ogromnaya'`);
    expect(n!.n).toBe(0);
  });

  it('takes PNG pictures by their content and refuses anything else', async () => {
    const ok = await t.api('POST', '/api/staff/help/images', {
      cookie: operator.cookie,
      headers: MULTIPART_HEADERS,
      body: multipart([{ name: 'file', filename: 'a.png', content: PNG, contentType: 'image/png' }]),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const served = await t.api('GET', ok.body.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    const fake = await t.api('POST', '/api/staff/help/images', {
      cookie: operator.cookie,
      headers: MULTIPART_HEADERS,
      body: multipart([{ name: 'file', filename: 'b.png', content: Buffer.from('<svg onload=alert(1)>'), contentType: 'image/png' }]),
    });
    expect(fake.status).toBe(415);
    expect(fake.body.error.message).toMatch(/PNG или JPEG/);
  });
});

describe('the repository’s articles at start', () => {
  it('publish a changed file as a new version, but leave an article an operator has edited', async () => {
    const files = readContentFiles();
    const changed = (slug: string) => {
      const file = files.find((f) => f.slug === slug)!;
      return { ...file, body: `${file.body}\n\nДобавлено в новой версии файла.`, hash: `${file.hash}-changed` };
    };
    const [edited] = await t.rows<{ id: string }>(sql`select id from help_articles where slug = 'poleznye-ssylki'`);
    const save = await t.api('PUT', `/api/staff/help/articles/${edited!.id}`, {
      cookie: operator.cookie,
      body: article('poleznye-ssylki', { audience: 'everyone', topic: 'links', title: 'Ссылки от оператора' }),
    });
    expect(save.status).toBe(200);

    expect(await syncHelpContent(t.app.ctx.db, [changed('tseli-programmy'), changed('poleznye-ssylki')])).toEqual({ added: 0, updated: 1 });
    const updated = await t.api('GET', '/api/help/articles/tseli-programmy');
    expect(updated.body.version).toBe(2);
    expect(updated.body.html).toContain('Добавлено в новой версии файла.');
    const kept = await t.api('GET', `/api/staff/help/articles/${edited!.id}`, { cookie: operator.cookie });
    expect(kept.body.title).toBe('Ссылки от оператора');
    expect(await syncHelpContent(t.app.ctx.db, [changed('tseli-programmy')])).toEqual({ added: 0, updated: 0 });
  });
});

describe('the chat bot', () => {
  it('answers a visitor with the article and the passage that match', async () => {
    const res = await t.api('POST', '/api/help/bot', { body: { message: 'Как записать ребенка на урок по ссылке из школы?' } });
    expect(res.status).toBe(200);
    expect(titles(res.body.articles)).toContain('zapis-rebenka');
    expect(res.body.offerSupport).toBe(false);
    expect(res.body.articles[0].passage.length).toBeGreaterThan(0);
  });

  it('offers to write to support when nothing matches or the person says it did not help', async () => {
    const none = await t.api('POST', '/api/help/bot', { body: { message: 'Сколько стоит билет на поезд до Владивостока' } });
    expect(none.body.offerSupport).toBe(true);
    expect(none.body.articles).toEqual([]);
    const human = await t.api('POST', '/api/help/bot', { body: { message: 'Это не помогло', history: [{ author: 'person', text: 'как войти' }] } });
    expect(human.body.offerSupport).toBe(true);
  });

  it('tells a pupil who has not passed a test how to, and a parent with no child how to link one', async () => {
    const pupil = await registerPupil(t);
    await activateFromMail(t, pupil.email);
    const asked = await t.api('POST', '/api/help/bot', { cookie: pupil.cookie, body: { message: 'как попасть на пробу' } });
    expect(asked.status).toBe(200);
    expect(asked.body.nudges).toContainEqual({ text: 'Ты ещё не прошёл ни одного теста — вот как.', slug: 'onlain-diagnostika' });
    const parent = await confirmedParent(t);
    const parentAsked = await t.api('POST', '/api/help/bot', { cookie: parent.cookie, body: { message: 'где результаты ребёнка' } });
    expect(parentAsked.body.nudges[0].slug).toBe('svyaz-kabinetov');
  });

  it('refuses an empty or huge message', async () => {
    expect((await t.api('POST', '/api/help/bot', { body: { message: '   ' } })).status).toBe(400);
    expect((await t.api('POST', '/api/help/bot', { body: { message: 'а'.repeat(2000) } })).status).toBe(400);
  });
});

describe('regional operator contacts', () => {
  it('are kept by the region’s coordinator and shown to anyone who picks the region', async () => {
    const kirov = await regionByCode(t, '43');
    const tatarstan = await regionByCode(t, '16');
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    const body = { regionId: kirov.regionId, organisation: 'Центр «Кировская профориентация»', phone: '+7 8332 00-00-00', email: 'help@kirov.example.ru', hours: 'пн–пт 9:00–18:00' };
    const saved = await t.api('PUT', '/api/help/contacts', { cookie: coordinator.cookie, body });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await t.api('PUT', '/api/help/contacts', { cookie: coordinator.cookie, body: { ...body, regionId: tatarstan.regionId } })).status).toBe(403);
    const shown = await t.api('GET', `/api/help/contacts?regionId=${kirov.regionId}`);
    expect(shown.body.contacts.organisation).toBe('Центр «Кировская профориентация»');
    const mine = await t.api('GET', '/api/help/contacts', { cookie: coordinator.cookie });
    expect(mine.body.regionId).toBe(kirov.regionId);
  });
});

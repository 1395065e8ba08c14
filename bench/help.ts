/**
 * The help centre's benchmark: the chat bot's answer (`POST /api/help/bot`, the same search the
 * help centre runs, with the passage cut for the best articles) against the one-SELECT route in the
 * same run, target ≥ 0.3, over 1,000 published articles more than the repository's own. The
 * articles are written from the words of the repository's articles, so the search has as many
 * candidates per word as a real help centre of that size would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';

export const HELP_ARTICLES = 1_000;
export const HELP_TARGET = 0.3;
/** A question the repository's articles answer; the bot must find one of them among the 1,000. */
export const HELP_QUESTION = 'Как записать ребенка на урок по ссылке из школы?';
const EXPECTED_SLUG = 'zapis-rebenka';

interface Executor {
  execute(query: SQL): Promise<unknown>;
}

/** Deterministic pseudo-random numbers, so every run seeds the same articles. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function vocabulary(contentDir: string): string[] {
  const words = new Set<string>();
  for (const name of fs.readdirSync(contentDir).filter((n) => n.endsWith('.md'))) {
    for (const w of fs.readFileSync(path.join(contentDir, name), 'utf8').toLowerCase().split(/[^а-яё]+/)) if (w.length >= 4) words.add(w);
  }
  return [...words];
}

/**
 * Paths of searches that each ask something new (two words of the articles' vocabulary), so no
 * answer comes from the search cache: the cost of a question nobody asked before.
 */
export function freshSearchPaths(rootDir: string): () => string {
  const words = vocabulary(path.join(rootDir, 'server/modules/help/content'));
  let n = 0;
  return () => {
    n++;
    const q = `${words[n % words.length]} ${words[Math.floor(n / words.length + n * 7) % words.length]}`;
    return `/api/help/search?q=${encodeURIComponent(q)}`;
  };
}

/** Publishes 1,000 articles with bodies of about 250 words each; returns what was seeded. */
export async function seedHelpArticles(db: Executor, rootDir: string): Promise<string> {
  const started = performance.now();
  const words = vocabulary(path.join(rootDir, 'server/modules/help/content'));
  const next = generator(2026);
  const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!);
  const sentence = () => {
    const s = pick(8 + Math.floor(next() * 8)).join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const audiences = ['participant', 'parent', 'school', 'regional_coordinator', 'venue', 'mentor', 'navigator', 'everyone'];
  const topics = ['registration', 'linking', 'diagnostics', 'events', 'recommendations', 'consents', 'work', 'faq'];
  for (let batch = 0; batch < HELP_ARTICLES / 100; batch++) {
    const rows = Array.from({ length: 100 }, (_, i) => {
      const n = batch * 100 + i;
      const paragraphs = Array.from({ length: 5 }, () => Array.from({ length: 4 }, sentence).join(' '));
      const title = sentence().slice(0, -1);
      const summary = sentence();
      const text = paragraphs.join('\n');
      return sql`(${`bench-${n}`}, ${audiences[n % audiences.length]}, ${topics[n % topics.length]}, ${title}, ${summary}, ${paragraphs.join('\n\n')},
        false, 1, ${title}, ${summary}, ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}, ${text}, now())`;
    });
    await db.execute(sql`insert into help_articles (slug, audience, topic, title, summary, body, has_draft, published_version, pub_title, pub_summary, pub_html, pub_text, published_at)
      values ${sql.join(rows, sql`, `)}`);
  }
  await db.execute(sql`insert into help_terms (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`);
  return `${HELP_ARTICLES.toLocaleString('en-US')} articles seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** Asks the bot once and checks it found the repository's article among the synthetic ones. */
export async function checkBotAnswer(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/help/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ message: HELP_QUESTION }),
  });
  const body = (await res.json()) as { articles?: Array<{ slug: string }> };
  if (res.status !== 200) throw new Error(`The bot answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const slugs = (body.articles ?? []).map((a) => a.slug);
  if (!slugs.includes(EXPECTED_SLUG)) throw new Error(`The bot did not find «${EXPECTED_SLUG}» among 1,000 articles: ${slugs.join(', ')}`);
  return `the bot answered with ${slugs.join(', ')}`;
}

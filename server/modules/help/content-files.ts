import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT_DIR } from '@server/lib/paths.js';
import { helpArticleInputSchema, type HelpArticleInput } from '@common/schemas/help.js';

/** The help centre's own articles and screenshots, versioned in the repository and synchronised at every start. */
export const CONTENT_DIR = path.join(ROOT_DIR, 'server/modules/help/content');
export const CONTENT_IMAGES_DIR = path.join(CONTENT_DIR, 'images');

export interface ContentArticle extends HelpArticleInput {
  sort: number;
  hash: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;

/** One article file: YAML front matter (slug, audience, topic, title, summary, sort) and a Markdown body. */
export function parseContentFile(name: string, source: string): ContentArticle {
  const normalised = source.replace(/\r\n/g, '\n');
  const m = FRONT_MATTER.exec(normalised);
  if (!m) throw new Error(`${name}: no front matter`);
  let meta: Record<string, unknown>;
  try {
    meta = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${name}: front matter: ${(err as Error).message}`);
  }
  const parsed = helpArticleInputSchema.safeParse({ ...meta, body: m[2] });
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const sort = typeof meta.sort === 'number' ? meta.sort : 100;
  return { ...parsed.data, sort, hash: crypto.createHash('sha256').update(normalised).digest('hex') };
}

/** Every article file of the repository, in a stable order. */
export function readContentFiles(dir = CONTENT_DIR): ContentArticle[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parseContentFile(name, fs.readFileSync(path.join(dir, name), 'utf8')));
}

const IMAGE_NAME = /^[a-z0-9-]+\.(png|jpe?g)$/;

/** A screenshot of the repository by its file name; nothing but a plain name reaches the path. */
export function readContentImage(name: string, dir = CONTENT_IMAGES_DIR): { data: Buffer; contentType: string } | null {
  if (!IMAGE_NAME.test(name)) return null;
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return null;
  return { data: fs.readFileSync(file), contentType: name.endsWith('.png') ? 'image/png' : 'image/jpeg' };
}

import { describe, expect, it } from 'vitest';
import { HELP_AUDIENCES, HELP_TOPICS } from '@common/help.js';
import { parseContentFile, readContentFiles, readContentImage } from './content-files.js';
import { renderArticleHtml } from './markdown.js';

describe('the repository’s articles', () => {
  const files = readContentFiles();

  it('are about thirty, each valid, every slug once, every topic and audience of seed 001 covered', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(files.map((f) => f.slug)).size).toBe(files.length);
    for (const topic of HELP_TOPICS) expect(files.some((f) => f.topic === topic), topic).toBe(true);
    for (const audience of HELP_AUDIENCES) expect(files.some((f) => f.audience === audience), audience).toBe(true);
  });

  it('show only screenshots that exist in the repository', () => {
    for (const file of files) {
      for (const [, name] of file.body.matchAll(/\]\(images\/([^)]+)\)/g)) expect(readContentImage(name!), `${file.slug}: ${name}`).not.toBeNull();
      expect(renderArticleHtml(file.body)).not.toContain('<script');
    }
  });

  it('name the file of a broken front matter', () => {
    expect(() => parseContentFile('x.md', '---\nslug: x\n---\nтекст')).toThrow(/^x\.md: /);
    expect(() => parseContentFile('y.md', 'без шапки')).toThrow(/y\.md: no front matter/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueFiles } from '../catalogue-files.js';
import { syncCatalogue } from '../definitions.service.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

describe('catalogue sync at start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('changes nothing when the files are those already loaded, and publishes a changed file as the next version', async () => {
    const files = readCatalogueFiles();
    expect(await syncCatalogue(t.app.ctx.db, files)).toEqual({ added: 0, updated: 0, invalid: [] });

    const [first, ...rest] = files;
    const changed = { ...first!, source: `${first!.source}\n# a comment changes the file\n` };
    const broken = { name: 'broken.yaml', source: 'slug: [' };
    expect(await syncCatalogue(t.app.ctx.db, [changed, ...rest, broken])).toEqual({ added: 0, updated: 1, invalid: ['broken.yaml'] });
    expect(await syncCatalogue(t.app.ctx.db, [changed, ...rest])).toEqual({ added: 0, updated: 0, invalid: [] });
  });
});

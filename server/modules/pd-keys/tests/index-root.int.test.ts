import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { assertIndexRoot } from '../index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the blind-index root', () => {
  it('is recorded at the first start and a start under another root is refused, naming the setting', async () => {
    await assertIndexRoot(t.app.ctx);
    const [row] = await t.rows<{ key_id: string }>(sql`select key_id from pd_index_root`);
    expect(row!.key_id).toBe(t.app.ctx.pd.indexKeyId);
    await assertIndexRoot(t.app.ctx);

    await t.rows(sql`update pd_index_root set key_id = 'feedfacecafe' returning 1`);
    await expect(assertIndexRoot(t.app.ctx)).rejects.toThrow(/PD_INDEX_KEY: the personal data were indexed under master key feedfacecafe/);
  });
});

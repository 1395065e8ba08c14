import { describe, expect, it } from 'vitest';
import { ZIP_LIMITS, inspectZip } from '@server/lib/spreadsheets/zip-guard.js';
import { xlsxBuffer } from './import-files.js';
import { zipBomb, zipOf } from './zip-files.js';

describe('inspectZip', () => {
  it('lets a real workbook through', async () => {
    const verdict = inspectZip(await xlsxBuffer([['Фамилия'], ['Иванов']]));
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.entries).toContain('xl/workbook.xml');
  });

  it('refuses an archive that declares more than the limit unpacked', () => {
    expect(inspectZip(zipBomb(ZIP_LIMITS.maxTotalUncompressedBytes + 1))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses an entry that inflates past the size it declared', () => {
    expect(inspectZip(zipBomb(20 * 1024 * 1024, 1024))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses truncated archives, unknown compression and zip64 markers', () => {
    const good = zipOf([{ name: 'a.txt', data: Buffer.from('привет') }]);
    expect(inspectZip(good.subarray(0, good.length - 30))).toEqual({ ok: false, reason: 'corrupt' });
    const bzip = Buffer.from(good);
    bzip.writeUInt16LE(12, good.length - 22 - 46 - 5 + 10);
    expect(inspectZip(bzip)).toEqual({ ok: false, reason: 'unsupported' });
    expect(inspectZip(zipOf([{ name: 'big', data: Buffer.from('x'), declaredSize: 0xffffffff }]))).toEqual({ ok: false, reason: 'too_large' });
  });
});

import { AppError } from '@server/lib/errors.js';
import { readSpreadsheet, type RawTable } from './file-reader.js';

/** What crosses back from the worker: the table, or the refusal to give the uploader (class instances do not cross). */
export type SpreadsheetResult = { ok: true; table: RawTable } | { ok: false; code: string; status: number; message: string };

/** Runs in a worker thread of the spreadsheet pool (see spreadsheet-pool.ts). */
export default async function readInWorker(data: Uint8Array): Promise<SpreadsheetResult> {
  try {
    return { ok: true, table: await readSpreadsheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, status: err.status, message: err.message };
    throw err;
  }
}

import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '@server/lib/errors.js';
import type { RawTable } from './file-reader.js';
import type { SpreadsheetResult } from './spreadsheet-worker.js';

// Under tsx or vitest this module is TypeScript, and so is the worker beside it, which then needs tsx's loader too.
const fromSource = import.meta.url.endsWith('.ts');

let pool: Piscina | undefined;

/**
 * Unzipping and parsing an upload takes seconds of CPU for a big file; done on the main thread it
 * would hold every other request for that long. A small pool of worker threads does it instead,
 * each with a memory ceiling, and idle threads exit so a quiet server keeps none.
 */
function spreadsheetPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL(`./spreadsheet-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return pool;
}

/** readSpreadsheet off the main thread: the same table or the same refusal. */
export async function readSpreadsheetOffThread(buf: Buffer): Promise<RawTable> {
  const result = (await spreadsheetPool().run(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))) as SpreadsheetResult;
  if (!result.ok) throw new AppError(result.code, result.status, result.message);
  return result.table;
}

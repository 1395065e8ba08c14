import type { AppContext } from '@server/context.js';
import { removeSealed, sealedFilesDir } from '@server/lib/sealed-files.js';

/** Removes sealed attachment files once the rows that named them are gone. */
export async function removeSupportFiles(ctx: AppContext, fileIds: readonly string[]): Promise<void> {
  for (const id of fileIds) await removeSealed(sealedFilesDir(ctx.config.dataDir, 'support'), id);
}

import type { AppContext } from '@server/context.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';

/** Removes sealed attachment files once the rows that named them are gone. */
export async function removeSupportFiles(ctx: AppContext, fileIds: readonly string[]): Promise<void> {
  for (const id of fileIds) await ctx.files.delete(FILE_KINDS.support, id);
}

import type { AppContext } from '@server/context.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';

export async function removePaperConsentScans(ctx: AppContext, ids: readonly string[]): Promise<void> {
  for (const id of ids) await ctx.files.delete(FILE_KINDS.paperConsents, id);
}

import type { AppContext } from '@server/context.js';
import { removeSealedFile } from './paper-consents.storage.js';

export async function removePaperConsentScans(ctx: AppContext, ids: readonly string[]): Promise<void> {
  for (const id of ids) await removeSealedFile(ctx.config.dataDir, id);
}

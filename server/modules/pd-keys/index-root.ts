import type { AppContext } from '@server/context.js';
import { recordedIndexRoot } from './index-root.repository.js';

/**
 * Refuses a start whose blind-index root is not the one the data was indexed under: after a key
 * rotation, dropping PD_PREVIOUS_KEYS without PD_INDEX_KEY would otherwise make the new key the
 * root, and sign-in, SNILS checks and one-child-one-profile would quietly stop matching anything.
 */
export async function assertIndexRoot(ctx: AppContext): Promise<void> {
  const recorded = await recordedIndexRoot(ctx.db, ctx.pd.indexKeyId);
  if (recorded !== ctx.pd.indexKeyId) {
    throw new Error(
      `PD_INDEX_KEY: the personal data were indexed under master key ${recorded}, but this configuration derives the index from ${ctx.pd.indexKeyId}. ` +
        'Set PD_INDEX_KEY to the first master key of this deployment (docs/key-rotation.md).',
    );
  }
}

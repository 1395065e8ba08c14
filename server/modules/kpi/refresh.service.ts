import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { forgetFiguresVersion } from './figures-version.js';
import {
  bumpVersion,
  claimDirty,
  markClockedChanges,
  markEventPupils,
  markEverything,
  recomputeSources,
  type SourceKind,
} from './refresh.repository.js';

/** Sources per transaction: short locks on the weekly rows that every pupil of a region shares. */
const BATCH = 1000;

/**
 * Brings the weekly figures up to date: marks what time alone changed, then recomputes only the
 * stale sources, a batch per transaction (claiming and recomputing together, so a fact that lands
 * meanwhile marks its source again for the next run). Answers how many sources were recomputed.
 */
export async function refreshFigures(ctx: AppContext): Promise<number> {
  await inTransaction(ctx.db, (tx) => markClockedChanges(tx));
  for (;;) {
    const moved = await inTransaction(ctx.db, async (tx) => {
      const ids = await claimDirty(tx, 'event_pupils', BATCH);
      if (ids.length > 0) await markEventPupils(tx, ids);
      return ids.length;
    });
    if (moved < BATCH) break;
  }
  let recomputed = 0;
  for (const kind of ['pupil', 'event', 'support'] as const satisfies readonly SourceKind[]) {
    for (;;) {
      const n = await inTransaction(ctx.db, async (tx) => {
        const ids = await claimDirty(tx, kind, BATCH);
        await recomputeSources(tx, kind, ids);
        if (ids.length > 0) await bumpVersion(tx, true);
        return ids.length;
      });
      recomputed += n;
      if (n < BATCH) break;
    }
  }
  await bumpVersion(ctx.db, false);
  forgetFiguresVersion(ctx.db);
  return recomputed;
}

/** Recounts every figure from the facts: for a database loaded in bulk or seasons whose dates moved. */
export async function rebuildFigures(ctx: AppContext): Promise<number> {
  await inTransaction(ctx.db, (tx) => markEverything(tx));
  return refreshFigures(ctx);
}

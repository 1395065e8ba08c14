import { eq } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { diagnosticTestVersions } from '@server/db/schema/index.js';
import { BoundedCache } from '@server/lib/bounded-cache.js';
import type { DefinitionItem, TestDefinition } from '@common/diagnostics/definition.js';

export interface CachedDefinition {
  versionId: number;
  testId: number;
  definition: TestDefinition;
  items: ReadonlyMap<string, DefinitionItem>;
}

const cache = new BoundedCache<number, CachedDefinition>(1000);

/**
 * A version's definition, kept in memory: attempts are only ever taken on published versions,
 * which never change, so every process may keep its own copy without going stale.
 */
export async function definitionOfVersion(executor: Executor, versionId: number): Promise<CachedDefinition | null> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const [row] = await executor
    .select({ id: diagnosticTestVersions.id, testId: diagnosticTestVersions.testId, definition: diagnosticTestVersions.definition })
    .from(diagnosticTestVersions)
    .where(eq(diagnosticTestVersions.id, versionId));
  if (!row) return null;
  const entry: CachedDefinition = {
    versionId: row.id,
    testId: row.testId,
    definition: row.definition,
    items: new Map(row.definition.items.map((i) => [i.id, i])),
  };
  cache.set(versionId, entry);
  return entry;
}

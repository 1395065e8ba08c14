import type { Executor } from '@server/db/client.js';
import { listChildrenOf } from './cabinet.repository.js';
import { listParentsOf } from './family.repository.js';

/** A parent's linked children, with the grade the conditions of enrolment look at. */
export async function childrenOfParent(executor: Executor, parentId: string): Promise<Array<{ id: string; name: string; grade: number }>> {
  return (await listChildrenOf(executor, parentId)).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, grade: c.grade }));
}

/** A child's linked parents: who hears of whatever happens to the child. */
export async function parentsOfChild(executor: Executor, childId: string): Promise<Array<{ id: string }>> {
  return (await listParentsOf(executor, childId)).map((p) => ({ id: p.id }));
}

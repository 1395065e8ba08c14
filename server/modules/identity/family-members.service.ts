import type { Executor } from '@server/db/client.js';
import type { RepresentativeKind } from '@common/schemas/identity.js';
import { listChildrenOf } from './cabinet.repository.js';
import { listParentLinksOf, listParentsOf } from './family.repository.js';

/** A parent's linked children, with the grade the conditions of enrolment look at. */
export async function childrenOfParent(executor: Executor, parentId: string): Promise<Array<{ id: string; name: string; grade: number }>> {
  return (await listChildrenOf(executor, parentId)).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, grade: c.grade }));
}

/** A child's linked parents: who hears of whatever happens to the child. */
export async function parentsOfChild(executor: Executor, childId: string): Promise<Array<{ id: string }>> {
  return (await listParentsOf(executor, childId)).map((p) => ({ id: p.id }));
}

/** The parents of each of several children, by child; a child with none is absent. */
export async function parentsOfChildren(executor: Executor, childIds: readonly string[]): Promise<Map<string, string[]>> {
  const byChild = new Map<string, string[]>();
  if (childIds.length === 0) return byChild;
  for (const { childId, parentId } of await listParentLinksOf(executor, childIds)) byChild.set(childId, [...(byChild.get(childId) ?? []), parentId]);
  return byChild;
}

/** A child's legal representatives as staff see them: the name and who each is to the child in law. */
export async function representativesOf(executor: Executor, childId: string): Promise<Array<{ name: string; kind: RepresentativeKind }>> {
  return (await listParentsOf(executor, childId)).map((p) => ({
    name: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
    kind: p.representativeKind,
  }));
}

import { fullName } from '@web/lib/format';
import { useParentCabinet } from '@web/lib/parent-cabinet';

/** The child's name for the title, from the parent cabinet already in the cache when coming from it. */
export function useChildName(childId: string): string | null {
  const child = useParentCabinet().data?.children.find((c) => c.id === childId);
  return child ? fullName(child) : null;
}

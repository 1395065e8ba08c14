import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A mutation after which every list and card showing what it changed is fetched again. */
export function useInvalidatingMutation<V, R>(mutationFn: (vars: V) => Promise<R>, keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

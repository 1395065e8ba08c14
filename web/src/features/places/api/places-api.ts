import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListPage } from '@common/schemas/lists.js';
import type { CreatePlace, Place, UpdatePlace } from '@common/schemas/places.js';
import { api, patch, post } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';
import { useInvalidatingMutation } from '@web/lib/mutations';

const placesKey = ['places'] as const;

export function usePlaces(state: ListState) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...placesKey, query],
    queryFn: () => api<ListPage<Place>>(`/places?${query}`),
    // The previous page stays on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useSavePlace(placeId: string | null) {
  return useInvalidatingMutation(
    (body: CreatePlace | UpdatePlace) => (placeId ? patch<{ place: Place }>(`/places/${placeId}`, body) : post<{ place: Place }>('/places', body)),
    [placesKey],
  );
}

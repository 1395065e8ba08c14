import type { Place } from '@common/schemas/places.js';

/** A saved place as the API returns it, for this feature's tests. */
export function testPlace(over: Partial<Place> = {}): Place {
  return {
    id: 'a3c9a4a4-2f51-4b7e-9d64-2d1f1b0c7e11',
    venueId: 'b7e1f0a2-5c3d-4e6f-8a9b-0c1d2e3f4a5b',
    venueName: 'Вятский колледж',
    name: 'Мастерские',
    city: { id: 7, name: 'Киров' },
    address: 'ул. Профсоюзная, 40',
    rooms: [{ name: 'Токарный цех', capacity: 12 }],
    accessibility: ['step_free'],
    accessibilityNotes: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    ...over,
  };
}

import { z } from 'zod';
import { ACCESSIBILITY_FEATURE_CODES, type AccessibilityFeature } from '../organisations.js';
import { cityIdSchema, idSchema, serialIdParamSchema } from './fields.js';
import { listQuerySchema } from './lists.js';

/** Bounds of a place's fields; the form's hints quote the same numbers. */
export const PLACE_LIMITS = {
  name: { min: 2, max: 200 },
  address: { min: 5, max: 300 },
  rooms: 50,
  roomName: 100,
  capacity: 1000,
  notes: 1000,
} as const;

const text = (min: number, max: number, what: string) =>
  z
    .string({ error: `Заполните поле «${what}»` })
    .trim()
    .min(min, { error: min <= 1 ? `Заполните поле «${what}»` : `«${what}» — не короче ${min} символов` })
    .max(max, { error: `«${what}» — не длиннее ${max} символов` });

const capacityError = `Вместимость — целое число от 1 до ${PLACE_LIMITS.capacity}`;

export const roomSchema = z.strictObject({
  name: text(1, PLACE_LIMITS.roomName, 'Название помещения'),
  capacity: z.number({ error: capacityError }).int({ error: capacityError }).min(1, { error: capacityError }).max(PLACE_LIMITS.capacity, { error: capacityError }),
});

/** Two rooms of one name would be told apart by nobody who reads the event's card. */
const roomsSchema = z
  .array(roomSchema, { error: 'Список помещений' })
  .max(PLACE_LIMITS.rooms, { error: `Не больше ${PLACE_LIMITS.rooms} помещений` })
  .superRefine((rooms, ctx) => {
    const seen = new Set<string>();
    rooms.forEach((room, index) => {
      const key = room.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'Такое помещение уже есть в списке' });
      seen.add(key);
    });
  });

const accessibilitySchema = z
  .array(z.enum(ACCESSIBILITY_FEATURE_CODES, { error: 'Выберите особенность доступности из списка' }), { error: 'Список особенностей доступности' })
  .max(ACCESSIBILITY_FEATURE_CODES.length * 2, { error: 'Слишком много особенностей доступности' })
  .transform((codes) => [...new Set(codes)]);

const notesSchema = z
  .string({ error: 'Примечание — текст' })
  .trim()
  .max(PLACE_LIMITS.notes, { error: `Примечание — не длиннее ${PLACE_LIMITS.notes} символов` })
  .transform((v) => v || null)
  .nullable();

const placeShape = {
  name: text(PLACE_LIMITS.name.min, PLACE_LIMITS.name.max, 'Название'),
  cityId: cityIdSchema,
  address: text(PLACE_LIMITS.address.min, PLACE_LIMITS.address.max, 'Адрес'),
  rooms: roomsSchema,
  accessibility: accessibilitySchema,
  accessibilityNotes: notesSchema,
};

export const createPlaceSchema = z.strictObject({
  ...placeShape,
  rooms: roomsSchema.default([]),
  accessibility: accessibilitySchema.default([]),
  accessibilityNotes: notesSchema.optional(),
});

export const updatePlaceSchema = z
  .strictObject(placeShape)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Нечего сохранять: ни одно поле не изменено' });

export const placeListQuerySchema = listQuerySchema(['name', 'city', 'createdAt']).extend({
  venueId: idSchema.optional(),
  regionId: serialIdParamSchema('Неверный регион').optional(),
});

export type CreatePlace = z.infer<typeof createPlaceSchema>;
export type UpdatePlace = z.infer<typeof updatePlaceSchema>;
export type PlaceListQuery = z.infer<typeof placeListQuerySchema>;
export type Room = z.infer<typeof roomSchema>;

/** A place as every places route answers it. */
export interface Place {
  id: string;
  venueId: string;
  venueName: string;
  name: string;
  city: { id: number; name: string };
  address: string;
  rooms: Room[];
  accessibility: AccessibilityFeature[];
  accessibilityNotes: string | null;
  createdAt: string;
}

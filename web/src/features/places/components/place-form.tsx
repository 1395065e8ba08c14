import { Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { ACCESSIBILITY_FEATURES, ACCESSIBILITY_FEATURE_CODES } from '@common/organisations.js';
import { PLACE_LIMITS, createPlaceSchema, type CreatePlace, type Place, type UpdatePlace } from '@common/schemas/places.js';
import { FormAlert } from '@web/lib/components/page';
import { CitySelect } from '@web/lib/components/reference-select';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useSavePlace } from '../api/places-api';

interface RoomValues {
  key: string;
  name: string;
  capacity: number | string;
}

export interface PlaceFormValues {
  name: string;
  cityId: string | null;
  address: string;
  rooms: RoomValues[];
  accessibility: string[];
  accessibilityNotes: string;
}

const newRoom = (): RoomValues => ({ key: randomId(), name: '', capacity: '' });

function initialValues(place: Place | null): PlaceFormValues {
  if (!place) return { name: '', cityId: null, address: '', rooms: [], accessibility: [], accessibilityNotes: '' };
  return {
    name: place.name,
    cityId: String(place.city.id),
    address: place.address,
    rooms: place.rooms.map((room) => ({ key: randomId(), ...room })),
    accessibility: place.accessibility,
    accessibilityNotes: place.accessibilityNotes ?? '',
  };
}

/** The request body in the shape of the shared schema; an empty capacity stays empty so the schema names it. */
function payload(values: PlaceFormValues) {
  return {
    name: values.name,
    cityId: values.cityId ? Number(values.cityId) : undefined,
    address: values.address,
    rooms: values.rooms.map((room) => ({ name: room.name, capacity: room.capacity === '' ? undefined : Number(room.capacity) })),
    accessibility: values.accessibility,
    accessibilityNotes: values.accessibilityNotes,
  };
}

/** A message about one chosen feature belongs to the group of checkboxes. */
const formFieldFor = (path: string) => (path.startsWith('accessibility.') ? 'accessibility' : path);

const SERVER_FIELDS = /^(name|cityId|address|rooms|accessibility|accessibilityNotes)$|^rooms\.\d+\.(name|capacity)$|^accessibility\.\d+$/;
const serverFieldFor = (field: string) => (SERVER_FIELDS.test(field) ? formFieldFor(field) : null);

/** Only what differs from the saved place goes into an edit, so the audit log names the fields really changed. */
function changedFields(place: Place, data: CreatePlace): UpdatePlace {
  const saved: CreatePlace = {
    name: place.name,
    cityId: place.city.id,
    address: place.address,
    rooms: place.rooms,
    accessibility: place.accessibility,
    accessibilityNotes: place.accessibilityNotes,
  };
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(data) as Array<keyof CreatePlace>) {
    if (JSON.stringify(data[key] ?? null) !== JSON.stringify(saved[key] ?? null)) changes[key] = data[key];
  }
  return changes as UpdatePlace;
}

interface Props {
  /** The place being edited; none to register a new one. */
  place: Place | null;
  /** The venue's region: its cities are the ones to choose from. */
  regionId: number | null;
  onSaved: (place: Place) => void;
  onCancel: () => void;
}

/** Registers or edits a place of the venue: address, rooms with their capacity, accessibility for children with ОВЗ. */
export function PlaceForm({ place, regionId, onSaved, onCancel }: Props) {
  const save = useSavePlace(place?.id ?? null);
  const form = useForm<PlaceFormValues>({
    initialValues: initialValues(place),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(createPlaceSchema, payload(values), formFieldFor),
  });
  const feedback = useFormFeedback(form, serverFieldFor);

  const addRoom = () => {
    const index = form.values.rooms.length;
    form.insertListItem('rooms', newRoom());
    // The new row's first input takes focus, so keyboard users go on typing where the row appeared.
    requestAnimationFrame(() => feedback.ref.current?.querySelector<HTMLInputElement>(`[data-room-name="${index}"]`)?.focus());
  };

  const submit = form.onSubmit(
    (values) => {
      feedback.setAlert(null);
      const parsed = createPlaceSchema.safeParse(payload(values));
      if (!parsed.success) return;
      const body = place ? changedFields(place, parsed.data) : parsed.data;
      if (place && Object.keys(body).length === 0) {
        onCancel();
        return;
      }
      save.mutate(body, {
        onSuccess: (result) => onSaved(result.place),
        onError: feedback.onError,
      });
    },
    feedback.onInvalid,
  );

  const roomsError = typeof form.errors.rooms === 'string' ? form.errors.rooms : null;
  const atRoomLimit = form.values.rooms.length >= PLACE_LIMITS.rooms;

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm">Заполните все поля, кроме отмеченных «необязательно».</Text>
        <Stack gap="sm">
          <TextInput
            label="Название"
            description="Например, «Учебный корпус на Профсоюзной» — так место увидят в карточке мероприятия"
            maxLength={PLACE_LIMITS.name.max}
            required
            {...form.getInputProps('name')}
          />
          <CitySelect
            regionId={regionId}
            label="Город"
            placeholder="Начните вводить название"
            allowDeselect={false}
            nothingFoundMessage="Такого города нет в списке вашего региона"
            required
            {...form.getInputProps('cityId')}
          />
          <TextInput
            label="Адрес"
            description="Улица, дом, корпус; вход, если он не с улицы"
            autoComplete="street-address"
            maxLength={PLACE_LIMITS.address.max}
            required
            {...form.getInputProps('address')}
          />
        </Stack>

        <Fieldset legend="Помещения" variant="unstyled">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Необязательно. Кабинеты, мастерские и залы, где проходят пробы, и сколько участников в каждом помещается.
            </Text>
            {form.values.rooms.map((room, index) => (
              <Group key={room.key} role="group" aria-label={`Помещение ${index + 1}`} align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label="Название помещения"
                  maxLength={PLACE_LIMITS.roomName}
                  data-room-name={index}
                  style={{ flex: '1 1 12rem' }}
                  {...form.getInputProps(`rooms.${index}.name`)}
                />
                <NumberInput
                  label="Мест"
                  min={1}
                  max={PLACE_LIMITS.capacity}
                  allowDecimal={false}
                  allowNegative={false}
                  size="md"
                  w="6.5rem"
                  {...form.getInputProps(`rooms.${index}.capacity`)}
                />
                <Button
                  variant="subtle"
                  color="red.9"
                  mt={{ base: 0, xs: 28 }}
                  aria-label={`Удалить помещение ${index + 1}${room.name ? ` «${room.name}»` : ''}`}
                  onClick={() => form.removeListItem('rooms', index)}
                >
                  Удалить
                </Button>
              </Group>
            ))}
            {roomsError && (
              <Text c="var(--mantine-color-error)" size="sm" role="alert">
                {roomsError}
              </Text>
            )}
            {atRoomLimit ? (
              <Text size="sm">{`Добавлено наибольшее число помещений — ${PLACE_LIMITS.rooms}.`}</Text>
            ) : (
              <Group>
                <Button variant="outline" onClick={addRoom}>
                  Добавить помещение
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend="Доступность для детей с ОВЗ" variant="unstyled">
          <Stack gap="sm">
            <Checkbox.Group label="Что есть на месте" description="Отметьте всё, что подходит" {...form.getInputProps('accessibility')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {ACCESSIBILITY_FEATURE_CODES.map((code) => (
                  <Checkbox key={code} value={code} label={ACCESSIBILITY_FEATURES[code]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Textarea
              label="Что ещё важно знать о доступности"
              description={`Необязательно, до ${PLACE_LIMITS.notes} символов. Например, где пандус и к кому обратиться у входа`}
              rows={3}
              maxLength={PLACE_LIMITS.notes}
              {...form.getInputProps('accessibilityNotes')}
            />
          </Stack>
        </Fieldset>

        <Stack gap="sm">
          <FormAlert message={feedback.alert} />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {place ? 'Сохранить' : 'Добавить место'}
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              Отмена
            </Button>
          </Group>
        </Stack>
      </Stack>
    </form>
  );
}

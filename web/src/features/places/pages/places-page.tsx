import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ACCESSIBILITY_FEATURES } from '@common/organisations.js';
import type { Place } from '@common/schemas/places.js';
import { DataTable, filterSelectProps, type Column } from '@web/lib/components/data-table';
import { FormDialog } from '@web/lib/components/form-dialog';
import { Notice, PageLoader, PageTitle } from '@web/lib/components/page';
import { RegionSelect } from '@web/lib/components/reference-select';
import { plural } from '@web/lib/format';
import { useListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { usePlaces } from '../api/places-api';
import { PlaceForm } from '../components/place-form';

function roomsSummary(rooms: Place['rooms']): string {
  if (rooms.length === 0) return 'Не указаны';
  const seats = rooms.reduce((sum, room) => sum + room.capacity, 0);
  return `${rooms.length} ${plural(rooms.length, ['помещение', 'помещения', 'помещений'])}, ${seats} ${plural(seats, ['место', 'места', 'мест'])}`;
}

function AccessibilityList({ codes }: { codes: Place['accessibility'] }) {
  if (codes.length === 0) return <Text c="dimmed">Не указана</Text>;
  return (
    <Stack gap={2} component="ul" pl="md" m={0}>
      {codes.map((code) => (
        <Text component="li" size="sm" key={code}>
          {ACCESSIBILITY_FEATURES[code]}
        </Text>
      ))}
    </Stack>
  );
}

/** Modal state: closed, a new place, or the place being edited. */
type Editing = null | { place: Place | null };

/**
 * The places where a venue's events happen. The venue registers and edits its own; mentors,
 * coordinators and the issuer see the places in their part of the programme.
 */
export function PlacesPage() {
  const session = useSession();
  const account = session.data;
  const { state, update } = useListState('name', ['venueId', 'regionId']);
  const places = usePlaces(state);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!account) return <PageLoader />;

  const canManage = account.role === 'venue';
  const seesManyVenues = account.role === 'issuer_admin' || account.role === 'regional_coordinator';

  const columns: Column<Place>[] = [
    { key: 'name', label: 'Название', sortable: true, render: (p) => <Text fw={600}>{p.name}</Text> },
    ...(seesManyVenues ? [{ key: 'venue', label: 'Площадка', render: (p: Place) => p.venueName }] : []),
    { key: 'city', label: 'Город', sortable: true, render: (p) => p.city.name },
    { key: 'address', label: 'Адрес', render: (p) => p.address },
    { key: 'rooms', label: 'Помещения', render: (p) => roomsSummary(p.rooms) },
    { key: 'accessibility', label: 'Доступность', render: (p) => <AccessibilityList codes={p.accessibility} /> },
    ...(canManage
      ? [
          {
            key: 'actions',
            label: 'Действия',
            render: (p: Place) => (
              <Button variant="outline" size="sm" aria-label={`Изменить место «${p.name}»`} onClick={() => setEditing({ place: p })}>
                Изменить
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="lg">
      <PageTitle lead={canManage ? 'Адреса, помещения и доступность для детей с ОВЗ. Места выбирают, когда создают мероприятие.' : undefined}>
        Места проведения
      </PageTitle>
      {canManage && (
        <Group>
          <Button
            onClick={() => {
              setSaved(null);
              setEditing({ place: null });
            }}
          >
            Добавить место
          </Button>
        </Group>
      )}
      {saved && (
        <Notice title="Сохранено" onClose={() => setSaved(null)}>
          {saved}
        </Notice>
      )}
      <DataTable
        caption="Места проведения"
        columns={columns}
        rowKey={(p) => p.id}
        query={places}
        state={state}
        onChange={update}
        searchLabel="Поиск по названию или адресу"
        filters={
          account.role === 'issuer_admin' ? (
            <RegionSelect
              {...filterSelectProps}
              label="Регион"
              placeholder="Все регионы"
              nothingFoundMessage="Такого региона нет"
              value={state.filters.regionId || null}
              onChange={(value) => update({ filters: { regionId: value ?? '' } })}
              w={{ base: '100%', sm: 280 }}
            />
          ) : undefined
        }
        empty={
          state.q
            ? 'Ничего не нашлось — проверьте запрос.'
            : canManage
              ? 'Мест пока нет. Добавьте первое — без него не создать мероприятие.'
              : 'Площадки пока не добавили места проведения.'
        }
      />
      <FormDialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.place ? `Изменить место «${editing.place.name}»` : 'Новое место проведения'}
      >
        {editing && (
          <PlaceForm
            place={editing.place}
            regionId={account.regionId}
            onCancel={() => setEditing(null)}
            onSaved={(place) => {
              setEditing(null);
              setSaved(editing.place ? `Изменения места «${place.name}» сохранены.` : `Место «${place.name}» добавлено.`);
            }}
          />
        )}
      </FormDialog>
    </Stack>
  );
}

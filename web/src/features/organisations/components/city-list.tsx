import { useState } from 'react';
import { Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { cityNameSchema } from '@common/schemas/organisations.js';
import { errorMessage } from '@web/lib/api-client';
import { useAddCity, useDeleteCity, useRenameCity, type RegionCity, type RegionDetails } from '../api/regions-api';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';
import { NameForm } from '@web/lib/components/name-form';

function CityRow({ city, onDelete }: { city: RegionCity; onDelete: (city: RegionCity) => void }) {
  const [editing, setEditing] = useState(false);
  const rename = useRenameCity();
  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={3}>
          <NameForm
            label={`Новое название для «${city.name}»`}
            initial={city.name}
            schema={cityNameSchema}
            width={280}
            pending={rename.isPending}
            onCancel={() => setEditing(false)}
            onSave={(name) => rename.mutateAsync({ id: city.id, name }).then(() => setEditing(false))}
          />
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>{city.name}</Table.Td>
      <Table.Td>{city.uses}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Переименовать
            <VisuallyHidden>{` ${city.name}`}</VisuallyHidden>
          </Button>
          <Button size="xs" variant="outline" color="red.9" onClick={() => onDelete(city)}>
            Удалить
            <VisuallyHidden>{` ${city.name}`}</VisuallyHidden>
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The region's cities and municipalities: the lists schools, venues and pupils pick their city from. */
export function CityList({ region }: { region: RegionDetails }) {
  const add = useAddCity(region.id);
  const remove = useDeleteCity();
  const [filter, setFilter] = useState('');
  const [deleting, setDeleting] = useState<RegionCity | null>(null);
  const q = filter.trim().toLowerCase();
  const cities = region.cityList.filter((c) => !q || c.name.toLowerCase().includes(q));

  return (
    <Stack gap="sm" component="section" aria-labelledby="cities-title">
      <Title order={2} id="cities-title">
        Города и муниципалитеты
      </Title>
      <Text size="sm">
        Из этого списка школы, площадки и участники выбирают свой город. Город, который уже кто-то указал, удалить нельзя — его можно переименовать.
      </Text>
      <NameForm
        label="Новый город"
        initial=""
        schema={cityNameSchema}
        submitLabel="Добавить"
        width={280}
        pending={add.isPending}
        onSave={(name) => add.mutateAsync(name).then(() => notifications.show({ color: 'green', title: 'Город добавлен', message: name }))}
      />
      {region.cityList.length > 10 && (
        <TextInput label="Найти в списке" type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={{ base: '100%', sm: 280 }} />
      )}
      {region.cityList.length === 0 ? (
        <Text c="dimmed">В регионе пока нет ни одного города.</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{`Города региона: ${cities.length} из ${region.cityList.length}`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Название</Table.Th>
                <Table.Th>Использований</Table.Th>
                <Table.Th>Действия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cities.map((city) => (
                <CityRow key={city.id} city={city} onDelete={setDeleting} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Удалить город?"
        confirmLabel="Да, удалить"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => notifications.show({ title: 'Город удалён', message: deleting.name }),
            onError: (error) => notifications.show({ color: 'red', title: 'Город не удалён', message: errorMessage(error), autoClose: false }),
            onSettled: () => setDeleting(null),
          })
        }
      >
        {`«${deleting?.name ?? ''}» исчезнет из списка городов региона.`}
      </ConfirmDialog>
    </Stack>
  );
}

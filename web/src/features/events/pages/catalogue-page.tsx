import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Card, Checkbox, Group, Pagination, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { EVENT_FORMAT_LABELS } from '@common/events.js';
import { useCompetencies } from '@web/lib/competencies';
import { ListSelect } from '@web/lib/components/list-select';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { CitySelect, RegionSelect } from '@web/lib/components/reference-select';
import { plural } from '@web/lib/format';
import { BackLink } from '@web/lib/components/back-link';
import type { EventCard } from '@common/schemas/events.js';
import { CATALOGUE_PAGE_SIZE, useCatalogue, type CatalogueFilters } from '../api/events-api';
import { formatGrades, formatPlace, formatSeats, formatWhen } from '@web/lib/event-format';

const FILTERS = ['regionId', 'cityId', 'anyCity', 'sphere', 'competency', 'format', 'from', 'to', 'ovz', 'withSeats', 'order', 'page'] as const;

/** The filters live in the address, so the back button from an event returns to the same list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: CatalogueFilters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const update = (change: CatalogueFilters) => {
    const next = new URLSearchParams();
    // Any new filter starts from the first page; only the pager itself moves between pages.
    const merged: CatalogueFilters = { ...filters, page: undefined, ...change };
    for (const name of FILTERS) if (merged[name]) next.set(name, merged[name]!);
    setParams(next, { replace: true });
  };
  return { filters, update };
}

function EventTile({ event, reason }: { event: EventCard; reason: string | undefined }) {
  const place = formatPlace(event);
  const full = event.seatsLeft <= 0;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`event-${event.id}`}>
      <Stack gap={6}>
        <Title order={2} size="h4" id={`event-${event.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/participant/events/${event.id}`} inherit>
            {event.title}
          </Anchor>
        </Title>
        <Text size="sm">{formatWhen(event)}</Text>
        <Text size="sm">{`${event.competency.name} · ${EVENT_FORMAT_LABELS[event.format]}`}</Text>
        {place && (
          <Text size="sm" c="dimmed">
            {place}
          </Text>
        )}
        {reason && (
          <Text size="sm">
            <Text span fw={700} inherit>
              Почему подходит:{' '}
            </Text>
            {reason}
          </Text>
        )}
        <Group gap={6}>
          <Badge color={full ? 'gray' : 'green'} variant="light" tt="none">
            {formatSeats(event)}
          </Badge>
          <Badge variant="light" tt="none">
            {formatGrades(event)}
          </Badge>
          {event.ovzSuitable && (
            <Badge variant="light" color="grape" tt="none">
              Подходит для детей с ОВЗ
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** /participant/events/catalogue — professional trials near the pupil, from its own region and city at first. */
export function CataloguePage() {
  const { filters, update } = useFilters();
  const catalogue = useCatalogue(filters);
  const spheres = useCompetencies();
  const defaults = catalogue.data?.defaults;
  const regionId = filters.regionId ?? (defaults?.regionId ? String(defaults.regionId) : null);
  // Like the server: without a chosen city, the pupil's own city applies whenever the region is its
  // own, until the pupil clears it to see every city (anyCity).
  const homeRegion = regionId !== null && regionId === String(defaults?.regionId ?? '');
  const cityId = filters.anyCity ? null : (filters.cityId ?? (homeRegion && defaults?.cityId ? String(defaults.cityId) : null));

  const sphereData = useMemo(() => (spheres.data ?? []).map((s) => ({ value: s.code, label: s.name })), [spheres.data]);
  const competencyData = useMemo(() => {
    const chosen = (spheres.data ?? []).filter((s) => !filters.sphere || s.code === filters.sphere);
    return chosen.map((s) => ({ group: s.name, items: s.competencies.map((c) => ({ value: c.code, label: c.name })) }));
  }, [spheres.data, filters.sphere]);

  const reasons = useMemo(() => new Map((catalogue.data?.fit ?? []).map((f) => [f.eventId, f.reason])), [catalogue.data?.fit]);
  const total = catalogue.data?.total ?? 0;
  const pages = Math.ceil(total / CATALOGUE_PAGE_SIZE);
  const page = Number(filters.page) || 1;

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <BackLink to="/participant">Мой кабинет</BackLink>
        <PageTitle lead="Профессиональные пробы: попробуй профессию вместе с наставником.">Каталог мероприятий</PageTitle>
      </Stack>

      <Card withBorder padding="md" component="section" aria-label="Фильтры">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <RegionSelect
            label="Регион"
            value={regionId}
            allowDeselect={false}
            onChange={(value) => value && update({ regionId: value, cityId: undefined, anyCity: undefined })}
          />
          <CitySelect
            label="Город"
            placeholder="Все города региона"
            regionId={regionId ? Number(regionId) : null}
            value={cityId}
            clearable
            onChange={(value) => update({ regionId: regionId ?? undefined, cityId: value ?? undefined, anyCity: value || !homeRegion ? undefined : 'true' })}
          />
          <ListSelect
            label="Сфера"
            placeholder="Все сферы"
            data={sphereData}
            value={filters.sphere ?? null}
            clearable
            searchable
            onChange={(value) => update({ sphere: value ?? undefined, competency: undefined })}
          />
          <ListSelect
            label="Компетенция"
            placeholder="Все компетенции"
            data={competencyData}
            value={filters.competency ?? null}
            clearable
            searchable
            nothingFoundMessage="Такой компетенции нет в списке"
            onChange={(value) => update({ competency: value ?? undefined })}
          />
          <ListSelect
            label="Формат"
            placeholder="Очно и онлайн"
            data={[
              { value: 'in_person', label: 'Очно' },
              { value: 'online', label: 'Онлайн' },
            ]}
            value={filters.format ?? null}
            clearable
            onChange={(value) => update({ format: value ?? undefined })}
          />
          <Group grow gap="sm" align="flex-start">
            <TextInput label="С даты" type="date" value={filters.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value || undefined })} />
            <TextInput label="По дату" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => update({ to: e.currentTarget.value || undefined })} />
          </Group>
        </SimpleGrid>
        <Group gap="lg" mt="md">
          <Checkbox size="md" label="Подходит для детей с ОВЗ" checked={filters.ovz === 'true'} onChange={(e) => update({ ovz: e.currentTarget.checked ? 'true' : undefined })} />
          <Checkbox size="md" label="Есть свободные места" checked={filters.withSeats === 'true'} onChange={(e) => update({ withSeats: e.currentTarget.checked ? 'true' : undefined })} />
        </Group>
      </Card>

      <Group gap="sm" role="radiogroup" aria-labelledby="catalogue-order-label">
        <Text id="catalogue-order-label" fw={600}>
          Порядок:
        </Text>
        <SegmentedControl
          value={filters.order === 'fit' ? 'fit' : 'date'}
          onChange={(value) => update({ order: value === 'fit' ? 'fit' : undefined })}
          data={[
            { value: 'date', label: 'По дате' },
            { value: 'fit', label: 'Подходит тебе' },
          ]}
        />
      </Group>

      {catalogue.isPending ? (
        <PageLoader label="Ищем мероприятия…" />
      ) : catalogue.isError ? (
        <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <Stack gap="md" component="section" aria-label="Мероприятия">
          <Text role="status">
            {total === 0
              ? 'Ничего не нашлось. Попробуй другой город, другие даты или убери часть фильтров.'
              : `Найдено ${total} ${plural(total, ['мероприятие', 'мероприятия', 'мероприятий'])}`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {catalogue.data.items.map((event) => (
              <EventTile key={event.id} event={event} reason={reasons.get(event.id)} />
            ))}
          </SimpleGrid>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => update({ ...filters, page: String(next) })}
              getControlProps={(control) => ({ 'aria-label': { first: 'Первая страница', previous: 'Предыдущая страница', next: 'Следующая страница', last: 'Последняя страница' }[control] })}
              getItemProps={(p) => ({ 'aria-label': `Страница ${p}` })}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}

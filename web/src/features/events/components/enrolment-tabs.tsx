import { Stack, Tabs, Text, type TitleOrder } from '@mantine/core';
import type { PupilEvents } from '@common/schemas/events.js';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { usePupilEvents } from '@web/lib/pupil-events/pupil-events-api';
import { EnrolmentItem, type Viewer } from '@web/lib/pupil-events/enrolment-item';

interface Props {
  pupilId: string | undefined;
  viewer: Viewer;
  emptyPlanned: string;
  eventHref?: (eventId: string) => string;
}

function ItemList({ items, viewer, past, empty, eventHref, headingOrder }: { items: PupilEvents['planned']; viewer: Viewer; past: boolean; empty: string; eventHref?: (id: string) => string; headingOrder: TitleOrder }) {
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="md">
      {items.map((item) => (
        <EnrolmentItem key={item.id} item={item} viewer={viewer} past={past} headingOrder={headingOrder} eventHref={eventHref?.(item.event.id)} />
      ))}
    </Stack>
  );
}

/** «Запланированные» and «Прошедшие», the same for the pupil and its parent. */
export function EnrolmentTabs({ pupilId, viewer, emptyPlanned, eventHref }: Props) {
  const events = usePupilEvents(pupilId);
  if (events.isPending) return <PageLoader label="Загружаем мероприятия…" />;
  if (events.isError) return <LoadError error={events.error} onRetry={() => void events.refetch()} />;
  const { planned, past } = events.data;
  return (
    <Tabs defaultValue="planned" keepMounted={false}>
      {/* The tab names stay exactly «Запланированные» and «Прошедшие», the words the programme's instructions use. */}
      <Tabs.List>
        <Tabs.Tab value="planned">Запланированные</Tabs.Tab>
        <Tabs.Tab value="past">Прошедшие</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="planned" pt="lg">
        <ItemList items={planned} viewer={viewer} past={false} empty={emptyPlanned} eventHref={eventHref} headingOrder={2} />
      </Tabs.Panel>
      <Tabs.Panel value="past" pt="lg">
        <ItemList items={past} viewer={viewer} past empty={viewer === 'parent' ? 'Здесь появятся прошедшие мероприятия ребёнка с отзывом наставника.' : 'Здесь появятся мероприятия, на которых вы уже побывали, с отзывом наставника.'} eventHref={eventHref} headingOrder={2} />
      </Tabs.Panel>
    </Tabs>
  );
}

import { Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { EVENT_STATUS_LABELS } from '@common/events.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { plural } from '@web/lib/format';
import { useEventFormOptions, useStaffEvent } from '../api/events-staff-api';
import { EventForm } from '../components/event-form';

/** The venue creates an event, or a series of them at once. */
export function NewEventPage() {
  const navigate = useNavigate();
  const options = useEventFormOptions();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/events">
        ← Все мероприятия
      </Anchor>
      <PageTitle>Новое мероприятие</PageTitle>
      {options.isPending && <PageLoader />}
      {options.isError && <LoadError error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && (
        <EventForm
          event={null}
          options={options.data}
          onCancel={() => void navigate('/staff/events')}
          onSaved={(ids) => {
            notifications.show({
              color: 'green',
              title: ids.length > 1 ? `Создано ${ids.length} ${plural(ids.length, ['мероприятие', 'мероприятия', 'мероприятий'])}` : 'Мероприятие создано',
              message: 'Это черновик: отправьте его на согласование координатору.',
            });
            void navigate(ids.length === 1 ? `/staff/events/${ids[0]}` : '/staff/events?status=draft');
          }}
        />
      )}
    </Stack>
  );
}

/** The venue corrects a draft, or an event the coordinator returned with a comment. */
export function EditEventPage() {
  const { eventId = '' } = useParams();
  const navigate = useNavigate();
  const event = useStaffEvent(eventId);
  const options = useEventFormOptions();
  const back = `/staff/events/${eventId}`;
  const failed = event.error ?? options.error;
  const editable = event.data?.actions.includes('edit');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back}>
        ← К мероприятию
      </Anchor>
      <PageTitle>Изменить мероприятие</PageTitle>
      {failed && <LoadError error={failed} onRetry={() => void Promise.all([event.refetch(), options.refetch()])} />}
      {!failed && (!event.data || !options.data) && <PageLoader />}
      {event.data && options.data && !editable && (
        <Anchor component={Link} to={back}>
          {`Мероприятие в статусе «${EVENT_STATUS_LABELS[event.data.status]}» изменить нельзя — вернуться к карточке`}
        </Anchor>
      )}
      {event.data && options.data && editable && (
        <EventForm
          event={event.data}
          options={options.data}
          onCancel={() => void navigate(back)}
          onSaved={() => {
            notifications.show({ color: 'green', title: 'Изменения сохранены', message: event.data.title });
            void navigate(back);
          }}
        />
      )}
    </Stack>
  );
}

import { Anchor, Button, Checkbox, Group, Select, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { EVENT_FORMAT_LABELS, EVENT_STATUSES, EVENT_STATUS_LABELS } from '@common/events.js';
import type { Role } from '@common/roles.js';
import type { StaffEventSummary } from '@common/schemas/events.js';
import { DataTable, filterSelectProps, type Column } from '@web/lib/components/data-table';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useListState, type ListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { useStaffEvents } from '../api/events-staff-api';
import { EventStatusBadge } from '../components/event-status-badge';

const ALL = 'all';

/** The coordinator opens the list on what waits for its decision; everyone else on the whole list. */
const defaultStatus = (role: Role) => (role === 'regional_coordinator' ? 'submitted' : ALL);

const LEADS: Partial<Record<Role, string>> = {
  venue: 'Пробы и уроки вашей площадки: создайте мероприятие, отправьте на согласование координатору и опубликуйте.',
  regional_coordinator: 'Мероприятия площадок региона. Согласуйте отправленные или верните их на доработку с комментарием.',
  school: 'Уроки профессионального мастерства в вашей школе и ссылки для записи, которые нужно передать родителям.',
  mentor: 'Мероприятия, которые вы проводите: списки участников, отметки о посещении и отзывы.',
  navigator: 'Открытые мероприятия региона: записывайте на них своих учеников группой.',
};

const seatsTaken = (e: StaffEventSummary) => e.capacity - e.seatsLeft;

/** The events the person's role looks after, paged and sorted on the server. */
export function EventsPage() {
  const session = useSession();
  const { state, update } = useListState('startsAt', ['status', 'upcoming']);
  const role = session.data?.role;
  const fallback = role ? defaultStatus(role) : ALL;
  const status = state.filters.status || fallback;
  // "all" lives only in the address; the server is simply not asked for a status.
  const apiState: ListState = { ...state, filters: { status: status === ALL ? '' : status, upcoming: state.filters.upcoming ?? '' } };
  const events = useStaffEvents(apiState, Boolean(role));
  if (!role) return <PageLoader />;

  const columns: Column<StaffEventSummary>[] = [
    {
      key: 'title',
      label: 'Мероприятие',
      sortable: true,
      render: (e) => (
        <Anchor component={Link} to={`/staff/events/${e.id}`} fw={600}>
          {e.title}
        </Anchor>
      ),
    },
    { key: 'startsAt', label: 'Дата и время', sortable: true, render: (e) => formatDateTime(e.startsAt) },
    { key: 'competency', label: 'Компетенция', render: (e) => e.competency.name },
    { key: 'format', label: 'Формат', render: (e) => EVENT_FORMAT_LABELS[e.format] },
    {
      key: 'seats',
      label: 'Занято мест',
      render: (e) => `${seatsTaken(e)} из ${e.capacity}`,
    },
    { key: 'status', label: 'Статус', sortable: true, render: (e) => <EventStatusBadge status={e.status} /> },
  ];

  return (
    <Stack gap="lg">
      <PageTitle lead={LEADS[role]}>Мероприятия</PageTitle>
      {role === 'venue' && (
        <Group>
          <Button component={Link} to="/staff/events/new">
            Создать мероприятие
          </Button>
        </Group>
      )}
      <DataTable
        caption="Мероприятия"
        columns={columns}
        rowKey={(e) => e.id}
        query={events}
        state={state}
        onChange={update}
        searchLabel="Поиск по названию"
        filters={
          <>
            <Select
              {...filterSelectProps}
              clearable={false}
              label="Статус"
              data={[{ value: ALL, label: 'Все статусы' }, ...EVENT_STATUSES.map((s) => ({ value: s, label: EVENT_STATUS_LABELS[s] }))]}
              value={status}
              allowDeselect={false}
              onChange={(value) => update({ filters: { status: !value || value === fallback ? '' : value } })}
            />
            <Checkbox
              label="Только предстоящие"
              checked={state.filters.upcoming === 'true'}
              onChange={(e) => update({ filters: { upcoming: e.currentTarget.checked ? 'true' : '' } })}
              mb={10}
            />
          </>
        }
        empty={
          state.q
            ? 'Ничего не нашлось — проверьте запрос.'
            : status === 'submitted' && role === 'regional_coordinator'
              ? 'Нет мероприятий, которые ждут согласования.'
              : role === 'venue'
                ? 'Мероприятий пока нет. Создайте первое.'
                : 'Мероприятий пока нет.'
        }
      />
    </Stack>
  );
}

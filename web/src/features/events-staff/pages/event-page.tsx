import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { StaffEventDetail } from '@common/schemas/events.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useSession } from '@web/lib/session';
import { useStaffEvent } from '../api/events-staff-api';
import { EventFacts } from '../components/event-facts';
import { EventStatusBadge } from '../components/event-status-badge';
import { EventWorkflow } from '../components/event-workflow';
import { GroupEnrol } from '../components/group-enrol';
import { RegistrationLink } from '../components/registration-link';
import { RosterSection } from '../components/roster-section';

/** Where the event stands in the workflow, with the coordinator's comment when it came back. */
function StatusLine({ event }: { event: StaffEventDetail }) {
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <EventStatusBadge status={event.status} />
        {event.submittedAt && event.status === 'submitted' && <Text size="sm" c="dimmed">{`Отправлено ${formatDateTime(event.submittedAt)}`}</Text>}
        {event.reviewedAt && event.status !== 'submitted' && <Text size="sm" c="dimmed">{`Рассмотрено ${formatDateTime(event.reviewedAt)}`}</Text>}
      </Group>
      {event.status === 'returned' && event.reviewComment && (
        <Alert color="orange.9" variant="light" title="Комментарий координатора">
          <Text style={{ whiteSpace: 'pre-line' }}>{event.reviewComment}</Text>
        </Alert>
      )}
      {event.changeReason && (
        <Alert color="gray" variant="light" title={event.status === 'cancelled' ? 'Причина отмены' : 'Причина переноса'}>
          {event.changeReason}
        </Alert>
      )}
    </Stack>
  );
}

/** One event for the staff: its card, the workflow steps allowed now, its link, its participants. */
export function EventPage() {
  const { eventId = '' } = useParams();
  const session = useSession();
  const event = useStaffEvent(eventId);
  const role = session.data?.role;

  if (event.isError) return <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  if (!event.data || !role) return <PageLoader />;
  const e = event.data;
  const lesson = e.format === 'school_lesson';
  const manageLink = e.actions.includes('link');
  // The school passes the link on to parents; it sees the block even before the venue issues one.
  const showLink = lesson && (manageLink || role === 'school');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/events">
        ← Все мероприятия
      </Anchor>
      <PageTitle>{e.title}</PageTitle>
      <StatusLine event={e} />
      <EventWorkflow event={e} />
      <EventFacts event={e} />
      {showLink && <RegistrationLink event={e} manage={manageLink} />}
      {e.actions.includes('group_enrol') && <GroupEnrol event={e} />}
      {e.actions.includes('roster') && <RosterSection eventId={e.id} canMark={role === 'mentor'} />}
    </Stack>
  );
}

import { Link } from 'react-router';
import { Button, Group, Stack } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { BackLink } from '@web/lib/components/back-link';
import { EnrolmentTabs } from '../components/enrolment-tabs';

/** /participant/events — «Мои мероприятия»: what is ahead and what the mentors said afterwards. */
export function MyEventsPage() {
  const session = useSession();
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <BackLink to="/participant">Мой кабинет</BackLink>
        <PageTitle>Мои мероприятия</PageTitle>
      </Stack>
      <Group>
        <Button component={Link} to="/participant/events/catalogue">
          К каталогу мероприятий
        </Button>
      </Group>
      <EnrolmentTabs
        pupilId={session.data?.id}
        viewer="pupil"
        emptyPlanned="Записей пока нет. Выбери профессиональную пробу в каталоге мероприятий."
        eventHref={(eventId) => `/participant/events/${eventId}`}
      />
    </Stack>
  );
}

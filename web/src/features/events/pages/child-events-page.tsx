import { useParams } from 'react-router';
import { Stack } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';
import { fullName } from '@web/lib/format';
import { useParentCabinet } from '@web/lib/parent-cabinet';
import { BackLink } from '@web/lib/components/back-link';
import { EnrolmentTabs } from '../components/enrolment-tabs';

/** /parent/children/:childId/events — a child's planned and past events, with the mentors' feedback. */
export function ChildEventsPage() {
  const { childId = '' } = useParams();
  const cabinet = useParentCabinet();
  const child = cabinet.data?.children.find((c) => c.id === childId);
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <BackLink to="/parent">Мой кабинет</BackLink>
        <PageTitle>{child ? `Мероприятия: ${fullName(child)}` : 'Мероприятия ребёнка'}</PageTitle>
      </Stack>
      <EnrolmentTabs
        pupilId={childId}
        viewer="parent"
        emptyPlanned="Ребёнок пока никуда не записан. Записать его можно по ссылке из школы, а сам ребёнок выбирает пробы в каталоге своего кабинета."
      />
    </Stack>
  );
}

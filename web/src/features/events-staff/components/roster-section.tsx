import { useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ATTENDANCE, ATTENDANCE_LABELS, ENROLMENT_STATUS_LABELS, MENTOR_GRADE_LABELS, type Attendance } from '@common/events.js';
import { attendanceSchema, type Roster, type RosterEntry } from '@common/schemas/events.js';
import { errorMessage } from '@web/lib/api-client';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormAlert, LoadError, PageLoader } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useRoster, useSaveAttendance } from '../api/events-staff-api';
import { FeedbackForm } from './feedback-form';

type Marks = Record<string, Attendance | null>;

/** Only pupils whose parents confirmed come to the event; the others are listed for the mentor's information. */
const markable = (entry: RosterEntry) => entry.status === 'confirmed';
/** Feedback goes to those the saved attendance says were there. */
const attended = (entry: RosterEntry) => entry.attendance === 'present' || entry.attendance === 'late';

interface RowProps {
  entry: RosterEntry;
  mark: Attendance | null;
  open: boolean;
  onMark: (value: Attendance) => void;
  onFeedback: () => void;
}

function AttendanceControl({ entry, mark, open, onMark }: Omit<RowProps, 'onFeedback'>) {
  if (!markable(entry)) return <Text size="sm">{ENROLMENT_STATUS_LABELS[entry.status]}</Text>;
  if (!open) return <Text size="sm">{entry.attendance ? ATTENDANCE_LABELS[entry.attendance] : 'Не отмечен'}</Text>;
  return (
    <SegmentedControl
      aria-label={`Посещение: ${entry.name}`}
      data={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
      // No segment is chosen until the mentor marks the pupil.
      value={mark ?? ''}
      onChange={(value) => onMark(value as Attendance)}
      size="sm"
    />
  );
}

function FeedbackCell({ entry, open, onFeedback }: Pick<RowProps, 'entry' | 'open' | 'onFeedback'>) {
  if (!attended(entry)) return null;
  return (
    <Stack gap={4} align="flex-start">
      {entry.mentorGrade && <Text size="sm">{`${entry.mentorGrade} — ${MENTOR_GRADE_LABELS[entry.mentorGrade as 1 | 2 | 3 | 4 | 5]}`}</Text>}
      {open && (
        <Button variant="light" size="xs" onClick={onFeedback} aria-label={`${entry.feedback ? 'Изменить отзыв' : 'Оставить отзыв'}: ${entry.name}`}>
          {entry.feedback ? 'Изменить отзыв' : 'Оставить отзыв'}
        </Button>
      )}
    </Stack>
  );
}

/** On a phone each pupil is a card: a wide table with three buttons per row does not fit 360 px. */
function RosterCards({ rows, withOvz }: { rows: RowProps[]; withOvz: boolean }) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Участники">
      {rows.map((row) => (
        <Paper component="li" withBorder p="sm" key={row.entry.enrolmentId}>
          <Stack gap="xs">
            <Text fw={600}>{row.entry.name}</Text>
            <Text size="sm" c="dimmed">
              {[`${row.entry.grade} класс`, row.entry.schoolName].filter(Boolean).join(', ')}
            </Text>
            {withOvz && row.entry.ovzNote && <Text size="sm">{`ОВЗ: ${row.entry.ovzNote}`}</Text>}
            <AttendanceControl {...row} />
            <FeedbackCell {...row} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function RosterTable({ rows, withOvz }: { rows: RowProps[]; withOvz: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>Участники</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ученик</Table.Th>
            <Table.Th>Класс</Table.Th>
            <Table.Th>Школа</Table.Th>
            {withOvz && <Table.Th>Особенности (ОВЗ)</Table.Th>}
            <Table.Th>Посещение</Table.Th>
            <Table.Th>Оценка и отзыв</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.entry.enrolmentId}>
              <Table.Td fw={600}>{row.entry.name}</Table.Td>
              <Table.Td>{row.entry.grade}</Table.Td>
              <Table.Td>{row.entry.schoolName ?? '—'}</Table.Td>
              {withOvz && <Table.Td>{row.entry.ovzNote ?? ''}</Table.Td>}
              <Table.Td>
                <AttendanceControl {...row} />
              </Table.Td>
              <Table.Td>
                <FeedbackCell {...row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const initialMarks = (roster: Roster): Marks => Object.fromEntries(roster.entries.map((e) => [e.enrolmentId, e.attendance]));

interface FormProps {
  eventId: string;
  roster: Roster;
  /** Only the event's mentors mark attendance and grade; the venue reads the same list. */
  canMark: boolean;
}

/** The list of participants with attendance marked all at once and saved in one request. */
export function RosterForm({ eventId, roster, canMark }: FormProps) {
  const save = useSaveAttendance(eventId);
  const phone = useMediaQuery('(max-width: 48em)');
  const [marks, setMarks] = useState<Marks>(() => initialMarks(roster));
  const [alert, setAlert] = useState<string | null>(null);
  const [feedbackFor, setFeedbackFor] = useState<RosterEntry | null>(null);
  const open = canMark && roster.markingOpen;
  const withOvz = roster.entries.some((e) => e.ovzNote);
  const toMark = roster.entries.filter(markable);

  if (roster.entries.length === 0) return <Text c="dimmed">Пока никто не записан.</Text>;

  const rows: RowProps[] = roster.entries.map((entry) => ({
    entry,
    mark: marks[entry.enrolmentId] ?? null,
    open,
    onMark: (value) => setMarks((current) => ({ ...current, [entry.enrolmentId]: value })),
    onFeedback: () => setFeedbackFor(entry),
  }));

  const saveMarks = () => {
    setAlert(null);
    const body = {
      marks: toMark.flatMap((e) => {
        const attendance = marks[e.enrolmentId];
        return attendance ? [{ enrolmentId: e.enrolmentId, attendance }] : [];
      }),
    };
    const parsed = attendanceSchema.safeParse(body);
    if (!parsed.success) {
      setAlert(parsed.error.issues[0]?.message ?? null);
      return;
    }
    save.mutate(parsed.data.marks, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Посещение сохранено', message: roster.event.title }),
      onError: (e) => setAlert(errorMessage(e)),
    });
  };

  const unmarked = toMark.filter((e) => !marks[e.enrolmentId]).length;

  return (
    <Stack gap="sm">
      {canMark && !roster.markingOpen && (
        <Alert color="blue" variant="light" title="Отметки пока закрыты">
          {`Посещение и отзывы можно отмечать с ${formatDateTime(roster.event.startsAt)} — с начала мероприятия.`}
        </Alert>
      )}
      {open && toMark.length > 0 && (
        <Group>
          <Button variant="outline" onClick={() => setMarks((current) => ({ ...current, ...Object.fromEntries(toMark.map((e) => [e.enrolmentId, 'present'])) }))}>
            Отметить всех присутствующими
          </Button>
        </Group>
      )}
      {phone ? <RosterCards rows={rows} withOvz={withOvz} /> : <RosterTable rows={rows} withOvz={withOvz} />}
      {open && toMark.length > 0 && (
        <Stack gap="xs">
          {unmarked > 0 && <Text size="sm">{`Не отмечено: ${unmarked}. Их отметки можно сохранить позже.`}</Text>}
          <FormAlert message={alert} />
          <Group>
            <Button loading={save.isPending} onClick={saveMarks}>
              Сохранить посещение
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Оценку и отзыв можно оставить тем, кто был на мероприятии, после сохранения посещения.
          </Text>
        </Stack>
      )}
      <FormDialog opened={feedbackFor !== null} onClose={() => setFeedbackFor(null)} title={feedbackFor ? `Отзыв: ${feedbackFor.name}` : ''}>
        {feedbackFor && <FeedbackForm eventId={eventId} entry={feedbackFor} skills={roster.skills} onDone={() => setFeedbackFor(null)} />}
      </FormDialog>
    </Stack>
  );
}

/** The mentor's «Участники»: who is coming, who came, and the mentor's word for each. */
export function RosterSection({ eventId, canMark }: Omit<FormProps, 'roster'>) {
  const roster = useRoster(eventId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="roster-title">
      <Title order={2} id="roster-title">
        Участники
      </Title>
      {roster.isPending && <PageLoader />}
      {roster.isError && <LoadError error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && <RosterForm eventId={eventId} roster={roster.data} canMark={canMark} />}
    </Stack>
  );
}

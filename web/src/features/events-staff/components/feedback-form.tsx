import { Checkbox, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { EVENT_LIMITS, MENTOR_GRADES, MENTOR_GRADE_LABELS } from '@common/events.js';
import { feedbackSchema, type Roster, type RosterEntry } from '@common/schemas/events.js';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useSaveFeedback } from '../api/events-staff-api';

interface Values {
  grade: string | null;
  feedback: string;
  skills: string[];
}

const payload = (v: Values) => ({ grade: v.grade ? Number(v.grade) : undefined, feedback: v.feedback, skills: v.skills });

/** A message about one ticked skill belongs to the group of checkboxes. */
const fieldFor = (path: string) => (path.startsWith('skills.') ? 'skills' : path);

interface Props {
  eventId: string;
  entry: RosterEntry;
  skills: Roster['skills'];
  onDone: () => void;
}

/** The mentor's grade on the programme's five-point scale, a few words for the pupil, and the soft skills seen. */
export function FeedbackForm({ eventId, entry, skills, onDone }: Props) {
  const save = useSaveFeedback(eventId, entry.enrolmentId);
  const form = useForm<Values>({
    initialValues: { grade: entry.mentorGrade ? String(entry.mentorGrade) : null, feedback: entry.feedback ?? '', skills: entry.observedSkills },
    validate: (values) => schemaErrors(feedbackSchema, payload(values), fieldFor),
  });
  const feedback = useFormFeedback(form, (field) => (['grade', 'feedback', 'skills'].includes(fieldFor(field)) ? fieldFor(field) : null));

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const parsed = feedbackSchema.safeParse(payload(values));
    if (!parsed.success) return;
    save.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Отзыв сохранён', message: entry.name });
        onDone();
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label="Оценка" description="Ученик и его родители увидят её вместе с пояснением" required {...form.getInputProps('grade')}>
          <Stack gap="xs" mt="xs">
            {MENTOR_GRADES.map((g) => (
              <Radio key={g} value={String(g)} label={`${g} — ${MENTOR_GRADE_LABELS[g]}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Отзыв"
          description={`Что получилось и что стоит попробовать дальше; от ${EVENT_LIMITS.feedback.min} до ${EVENT_LIMITS.feedback.max} символов`}
          rows={3}
          maxLength={EVENT_LIMITS.feedback.max}
          size="md"
          required
          {...form.getInputProps('feedback')}
        />
        {skills.length > 0 && (
          <Checkbox.Group label="Какие навыки вы заметили" description="Необязательно; не больше 10" {...form.getInputProps('skills')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {skills.map((s) => (
                <Checkbox key={s.code} value={s.code} label={s.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <FormFooter alert={feedback.alert} pending={save.isPending} submitLabel="Сохранить отзыв" />
      </Stack>
    </form>
  );
}

import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { updateStaffSchema } from '@common/schemas/organisations.js';
import { useCompetencies } from '@web/lib/competencies';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { FormFooter } from '@web/lib/components/form-footer';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { fullName } from '@web/lib/format';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useUpdateStaff, type StaffListItem } from '../api/staff-api';

/** The list names a mentor's competencies; the form needs their ids, which the reference list has. */
function idsOf(names: string[], spheres: ReturnType<typeof useCompetencies>['data']): string[] {
  const byName = new Map((spheres ?? []).flatMap((s) => s.competencies.map((c) => [c.name, String(c.id)] as const)));
  return names.flatMap((name) => byName.get(name) ?? []);
}

function MentorFields({ mentor, initialIds, onDone }: { mentor: StaffListItem; initialIds: string[]; onDone: () => void }) {
  const update = useUpdateStaff();
  const form = useForm({
    initialValues: { position: mentor.position ?? '', competencyIds: initialIds },
    validate: (values) => schemaErrors(updateStaffSchema, { position: values.position, competencyIds: values.competencyIds.map(Number) }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    update.mutate(
      { id: mentor.id, position: values.position.trim() || null, competencyIds: values.competencyIds.map(Number) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Изменения сохранены', message: fullName(mentor) });
          onDone();
        },
        onError: feedback.onError,
      },
    );
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Должность" description="Необязательно" {...form.getInputProps('position')} />
        <CompetencySelect description="По каким компетенциям наставник проводит пробы" {...form.getInputProps('competencyIds')} />
        <FormFooter alert={feedback.alert} pending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The venue keeps its mentors' positions and competencies. */
export function MentorForm({ mentor, onDone }: { mentor: StaffListItem; onDone: () => void }) {
  const spheres = useCompetencies();
  if (spheres.isPending) return <PageLoader />;
  if (spheres.isError) return <LoadError error={spheres.error} onRetry={() => void spheres.refetch()} />;
  return <MentorFields mentor={mentor} initialIds={idsOf(mentor.competencies, spheres.data)} onDone={onDone} />;
}

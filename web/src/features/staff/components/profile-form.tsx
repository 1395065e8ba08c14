import { Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ownProfileSchema } from '@common/schemas/organisations.js';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { FormFooter } from '@web/lib/components/form-footer';
import { formatPhone } from '@web/lib/format';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useUpdateOwnProfile, type StaffProfile } from '../api/profile-api';

interface ProfileValues {
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  position: string;
  about: string;
  competencyIds: string[];
}

function valuesOf(p: StaffProfile): ProfileValues {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    phone: p.phone ? formatPhone(p.phone) : '',
    position: p.position ?? '',
    about: p.about ?? '',
    competencyIds: p.competencies.map((c) => String(c.id)),
  };
}

/** Only mentors name competencies; for everyone else the field is not part of the request. */
function payload(v: ProfileValues, isMentor: boolean) {
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName,
    phone: v.phone,
    position: v.position,
    about: v.about,
    ...(isMentor ? { competencyIds: v.competencyIds.map(Number) } : {}),
  };
}

/** Edits one's own profile, sending only the fields that changed. */
export function ProfileForm({ profile }: { profile: StaffProfile }) {
  const save = useUpdateOwnProfile();
  const isMentor = profile.role === 'mentor';
  const form = useForm<ProfileValues>({
    initialValues: valuesOf(profile),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(ownProfileSchema, payload(values, isMentor)),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit(
    (values) => {
      feedback.setAlert(null);
      const changed = Object.fromEntries(Object.entries(payload(values, isMentor)).filter(([field]) => form.isDirty(field)));
      if (Object.keys(changed).length === 0) {
        feedback.setAlert('Вы ничего не изменили');
        return;
      }
      const parsed = ownProfileSchema.safeParse(changed);
      if (!parsed.success) return;
      save.mutate(parsed.data, {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Профиль сохранён', message: `${values.lastName} ${values.firstName}` });
          form.resetDirty();
        },
        onError: feedback.onError,
      });
    },
    feedback.onInvalid,
  );

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Фамилия" autoComplete="family-name" required {...form.getInputProps('lastName')} />
        <TextInput label="Имя" autoComplete="given-name" required {...form.getInputProps('firstName')} />
        <TextInput label="Отчество" description="Необязательно" autoComplete="additional-name" {...form.getInputProps('middleName')} />
        <TextInput label="Телефон" description="Необязательно, например +7 900 123-45-67" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput label="Должность" description="Необязательно" autoComplete="organization-title" {...form.getInputProps('position')} />
        <Textarea
          label="О себе"
          description="Необязательно: пара фраз, которые помогут коллегам и участникам"
          rows={4}
          {...form.getInputProps('about')}
        />
        {isMentor && <CompetencySelect description="По каким компетенциям вы проводите пробы" {...form.getInputProps('competencyIds')} />}
        <FormFooter alert={feedback.alert} pending={save.isPending} />
      </Stack>
    </form>
  );
}

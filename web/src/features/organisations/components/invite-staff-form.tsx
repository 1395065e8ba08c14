import { Button, Stack, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { inviteStaffSchema } from '@common/schemas/organisations.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { ListSelect } from '@web/lib/components/list-select';
import { FormAlert } from '@web/lib/components/page';
import { RegionSelect } from '@web/lib/components/reference-select';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useInviteStaff } from '../api/staff-api';

interface InviteValues {
  role: string | null;
  lastName: string;
  firstName: string;
  middleName: string;
  email: string;
  position: string;
  regionId: string | null;
  competencyIds: string[];
}

function payload(v: InviteValues) {
  return {
    role: v.role ?? undefined,
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName.trim() || undefined,
    email: v.email,
    position: v.position.trim() || undefined,
    regionId: v.role === 'regional_coordinator' && v.regionId ? Number(v.regionId) : undefined,
    competencyIds: v.role === 'mentor' && v.competencyIds.length > 0 ? v.competencyIds.map(Number) : undefined,
  };
}

/** What the shared schema cannot say about a choice that is still empty. */
function choiceErrors(v: InviteValues): FormErrors {
  const errors: FormErrors = {};
  if (!v.role) errors.role = 'Выберите роль';
  if (v.role === 'regional_coordinator' && !v.regionId) errors.regionId = 'Выберите регион координатора';
  return errors;
}

interface Props {
  /** The roles the signed-in person may invite; one role needs no choice. */
  roles: readonly Role[];
  /** A region chosen by the page, e.g. when the issuer invites a coordinator from the region's card. */
  regionId?: number;
  onDone: () => void;
}

/** Invites a staff member by e-mail; the person chooses a password by the link in the letter. */
export function InviteStaffForm({ roles, regionId, onDone }: Props) {
  const invite = useInviteStaff();
  const form = useForm<InviteValues>({
    initialValues: {
      role: roles.length === 1 ? roles[0]! : null,
      lastName: '',
      firstName: '',
      middleName: '',
      email: '',
      position: '',
      regionId: regionId ? String(regionId) : null,
      competencyIds: [],
    },
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => ({ ...schemaErrors(inviteStaffSchema, payload(values)), ...choiceErrors(values) }),
  });
  const feedback = useFormFeedback(form);
  const { role } = form.getValues();

  const submit = form.onSubmit(
    (values) => {
      feedback.setAlert(null);
      const parsed = inviteStaffSchema.safeParse(payload(values));
      if (!parsed.success) return;
      invite.mutate(parsed.data, {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Приглашение отправлено', message: `Письмо со ссылкой для входа ушло на ${parsed.data.email}` });
          onDone();
        },
        onError: feedback.onError,
      });
    },
    feedback.onInvalid,
  );

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="sm">
        {roles.length > 1 && (
          <ListSelect
            label="Роль"
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
        )}
        {role === 'regional_coordinator' && !regionId && (
          <RegionSelect
            label="Регион"
            placeholder="Начните вводить название"
            allowDeselect={false}
            nothingFoundMessage="Такого региона нет — проверьте название"
            required
            {...form.getInputProps('regionId')}
          />
        )}
        <TextInput label="Фамилия" autoComplete="off" required {...form.getInputProps('lastName')} />
        <TextInput label="Имя" autoComplete="off" required {...form.getInputProps('firstName')} />
        <TextInput label="Отчество" description="Необязательно" autoComplete="off" {...form.getInputProps('middleName')} />
        <TextInput
          label="Электронная почта"
          description="На этот адрес придёт приглашение, по нему же сотрудник будет входить"
          type="email"
          autoComplete="off"
          required
          {...form.getInputProps('email')}
        />
        <TextInput label="Должность" description="Необязательно" autoComplete="off" {...form.getInputProps('position')} />
        {role === 'mentor' && (
          <CompetencySelect description="Необязательно: по каким компетенциям наставник проводит пробы" {...form.getInputProps('competencyIds')} />
        )}
        <FormAlert message={feedback.alert} />
        <Button type="submit" loading={invite.isPending}>
          Отправить приглашение
        </Button>
      </Stack>
    </form>
  );
}

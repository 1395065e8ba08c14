import { Button, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { OrganisationKind } from '@common/organisations.js';
import { registerSchoolSchema, registerVenueSchema } from '@common/schemas/organisations.js';
import { FormAlert } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useRegisterOrganisation } from '../api/organisations-api';
import { ORGANISATION_FIELDS, OrganisationFields, organisationPayload, type OrganisationValues } from './organisation-fields';

interface RegisterValues extends OrganisationValues {
  responsible: { lastName: string; firstName: string; middleName: string; email: string; position: string };
}

const RESPONSIBLE_FIELDS = ['lastName', 'firstName', 'middleName', 'email', 'position'].map((f) => `responsible.${f}`);
const KNOWN_FIELDS: string[] = [...ORGANISATION_FIELDS, ...RESPONSIBLE_FIELDS];

const EMPTY: RegisterValues = {
  name: '',
  inn: '',
  ogrn: '',
  cityId: null,
  address: '',
  phone: '',
  email: '',
  website: '',
  headName: '',
  description: '',
  competencyIds: [],
  responsible: { lastName: '', firstName: '', middleName: '', email: '', position: '' },
};

function payload(v: RegisterValues, kind: OrganisationKind) {
  const { middleName, ...responsible } = v.responsible;
  return {
    ...organisationPayload(v, kind, true),
    responsible: { ...responsible, ...(middleName.trim() ? { middleName } : {}) },
  };
}

/** Where a server message belongs: a field of this form, or the form's own alert. */
const fieldFor = (serverField: string): string | null => (KNOWN_FIELDS.includes(serverField) ? serverField : null);

interface Props {
  kind: OrganisationKind;
  regionId: number;
  onDone: (created: { id: string; responsibleEmail: string }) => void;
}

/** The coordinator registers a school or venue of its region and invites the person responsible for it. */
export function RegisterOrganisationForm({ kind, regionId, onDone }: Props) {
  const register = useRegisterOrganisation(kind);
  const schema = kind === 'school' ? registerSchoolSchema : registerVenueSchema;
  const form = useForm<RegisterValues>({
    initialValues: EMPTY,
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(schema, payload(values, kind)),
  });
  const feedback = useFormFeedback(form, fieldFor);

  const submit = form.onSubmit(
    (values) => {
      feedback.setAlert(null);
      const parsed = schema.safeParse(payload(values, kind));
      if (!parsed.success) return;
      register.mutate(parsed.data, {
        onSuccess: ({ id }) => onDone({ id, responsibleEmail: parsed.data.responsible.email }),
        onError: feedback.onError,
      });
    },
    feedback.onInvalid,
  );

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Text size="sm">Заполните все поля, кроме отмеченных «необязательно». ИНН и ОГРН проверим по контрольным цифрам.</Text>
        <Fieldset legend={kind === 'school' ? 'Школа' : 'Площадка'} variant="unstyled">
          <OrganisationFields kind={kind} regionId={regionId} withLegalIds input={(field) => form.getInputProps(field)} />
        </Fieldset>
        <Fieldset legend="Ответственное лицо" variant="unstyled">
          <Stack gap="sm">
            <Text size="sm">Этому человеку придёт приглашение: по ссылке из письма он задаст пароль и будет вести кабинет организации.</Text>
            <TextInput label="Фамилия" autoComplete="off" required {...form.getInputProps('responsible.lastName')} />
            <TextInput label="Имя" autoComplete="off" required {...form.getInputProps('responsible.firstName')} />
            <TextInput label="Отчество" description="Необязательно" autoComplete="off" {...form.getInputProps('responsible.middleName')} />
            <TextInput label="Электронная почта" type="email" autoComplete="off" required {...form.getInputProps('responsible.email')} />
            <TextInput label="Должность" description="Необязательно, например «заместитель директора»" autoComplete="off" {...form.getInputProps('responsible.position')} />
          </Stack>
        </Fieldset>
        <Stack gap="sm">
          <FormAlert message={feedback.alert} />
          <Button type="submit" loading={register.isPending}>
            {kind === 'school' ? 'Зарегистрировать школу' : 'Зарегистрировать площадку'}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

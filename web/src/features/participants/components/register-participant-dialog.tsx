import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { DOCUMENT_TYPE_LABELS, checkChildDocument, type ChildDocumentType } from '@common/participants.js';
import { schoolRegistrationSchema, type RegisteredBySchool } from '@common/schemas/participants.js';
import { GRADE_OPTIONS } from '@web/lib/child-form';
import { FormDialog } from '@web/lib/components/form-dialog';
import { ListSelect } from '@web/lib/components/list-select';
import { FormAlert } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useRegisterParticipant, type RegistrationInput } from '../api/participants-api';

interface Values {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  grade: string | null;
  snils: string;
  email: string;
  phone: string;
  documentType: ChildDocumentType | null;
  documentNumber: string;
  hasOvz: boolean;
}

const initialValues: Values = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  grade: null,
  snils: '',
  email: '',
  phone: '',
  documentType: null,
  documentNumber: '',
  hasOvz: false,
};

const DOCUMENT_OPTIONS = Object.entries(DOCUMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }));

function payload(v: Values): RegistrationInput {
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName.trim() ? v.middleName : undefined,
    birthDate: v.birthDate,
    grade: v.grade ? Number(v.grade) : Number.NaN,
    snils: v.snils,
    email: v.email,
    phone: v.phone.trim() ? v.phone : undefined,
    document: v.documentType ? { documentType: v.documentType, documentNumber: v.documentNumber } : undefined,
    hasOvz: v.hasOvz || undefined,
  };
}

/** The server names document fields "document.…"; on this form they are inputs of their own. */
const fieldFor = (path: string) => path.replace(/^document\./, '');

/** Messages the shared schema cannot give: an empty select, and the document's rule for this age. */
function extraErrors(v: Values): FormErrors {
  const errors: FormErrors = {};
  if (!v.grade) errors.grade = 'Выберите класс';
  if (v.documentType && /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) && v.documentNumber.trim()) {
    const checked = checkChildDocument(v.documentType, v.documentNumber, v.birthDate);
    if (!checked.ok) errors[checked.field] = checked.message;
  }
  return errors;
}

interface Props {
  onClose: () => void;
  onRegistered: (result: RegisteredBySchool, name: string, email: string) => void;
}

/** A school registers one pupil; a child already in the programme is found rather than duplicated. */
export function RegisterParticipantDialog({ onClose, onRegistered }: Props) {
  const register = useRegisterParticipant();
  const form = useForm<Values>({
    initialValues,
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => ({ ...schemaErrors(schoolRegistrationSchema, payload(values), fieldFor), ...extraErrors(values) }),
  });
  const feedback = useFormFeedback(form, (field) => (field in initialValues || field.startsWith('document.') ? fieldFor(field) : null));

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    register.mutate(payload(values), {
      onSuccess: (result) => onRegistered(result, `${values.firstName} ${values.lastName}`, values.email.trim()),
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <FormDialog opened onClose={onClose} title="Зарегистрировать участника" centered>
      <form ref={feedback.ref} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text size="sm">
            Ученик получит письмо со ссылкой, по которой придумает пароль. Если ребёнок уже есть в программе, мы найдём его профиль и прикрепим к вашей
            школе — второй профиль не появится.
          </Text>
          <Fieldset legend="Ученик" variant="unstyled">
            <Stack gap="sm">
              <TextInput label="Фамилия" autoComplete="off" required {...form.getInputProps('lastName')} />
              <TextInput label="Имя" autoComplete="off" required {...form.getInputProps('firstName')} />
              <TextInput label="Отчество" description="Необязательно" autoComplete="off" {...form.getInputProps('middleName')} />
              <TextInput label="Дата рождения" type="date" required {...form.getInputProps('birthDate')} />
              <ListSelect label="Класс" data={GRADE_OPTIONS} allowDeselect={false} required {...form.getInputProps('grade')} />
              <TextInput label="СНИЛС" description="11 цифр, как на карточке СНИЛС" inputMode="numeric" autoComplete="off" required {...form.getInputProps('snils')} />
            </Stack>
          </Fieldset>
          <Fieldset legend="Связь с учеником" variant="unstyled">
            <Stack gap="sm">
              <TextInput
                label="Электронная почта ученика"
                description="На неё придёт ссылка для входа"
                type="email"
                autoComplete="off"
                required
                {...form.getInputProps('email')}
              />
              <TextInput label="Телефон" description="Необязательно. Например, +7 900 123-45-67" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            </Stack>
          </Fieldset>
          <Fieldset legend="Документ и здоровье (необязательно)" variant="unstyled">
            <Stack gap="sm">
              <ListSelect label="Документ" placeholder="Не указывать" data={DOCUMENT_OPTIONS} clearable {...form.getInputProps('documentType')} />
              {form.values.documentType && (
                <TextInput
                  label="Серия и номер"
                  description={form.values.documentType === 'passport' ? 'Например, 45 06 123456' : 'Например, IV-МЮ 123456'}
                  autoComplete="off"
                  required
                  {...form.getInputProps('documentNumber')}
                />
              )}
              <Checkbox label="У ученика ограниченные возможности здоровья (ОВЗ)" {...form.getInputProps('hasOvz', { type: 'checkbox' })} />
            </Stack>
          </Fieldset>
          <FormAlert message={feedback.alert} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={register.isPending}>
              Зарегистрировать
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}

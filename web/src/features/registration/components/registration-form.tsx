import { useNavigate } from 'react-router';
import { Button, Checkbox, Fieldset, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { participantRegistrationSchema } from '@common/schemas/identity.js';
import { emptyChildValues, useChildForm, type ChildFormValues } from '@web/lib/child-form';
import { PersonFields, SchoolFields } from '@web/lib/components/child-fields';
import { FormAlert } from '@web/lib/components/page';
import { PASSWORD_HINT, commonPasswordError } from '@web/lib/password';
import { useRegisterParticipant } from '../api/registration-api';

interface RegistrationValues extends ChildFormValues {
  email: string;
  phone: string;
  password: string;
  acceptTerms: boolean;
}

const initialValues: RegistrationValues = { ...emptyChildValues, email: '', phone: '', password: '', acceptTerms: false };

function ownPayload(values: RegistrationValues, invitationToken: string | null) {
  return {
    email: values.email,
    phone: values.phone,
    password: values.password,
    acceptTerms: values.acceptTerms,
    ...(invitationToken ? { invitationToken } : {}),
  };
}

export function RegistrationForm({ invitationToken }: { invitationToken: string | null }) {
  const navigate = useNavigate();
  const register = useRegisterParticipant();
  const { form, formRef, alert, onSubmit } = useChildForm({
    initialValues,
    schema: participantRegistrationSchema,
    ownPayload: (values) => ownPayload(values, invitationToken),
    extraErrors: (values) => commonPasswordError(values.password),
  });

  const submit = onSubmit((body, _values, failed) =>
    register.mutate(body, { onSuccess: () => void navigate('/participant', { replace: true }), onError: failed }),
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Text size="sm">Заполни все поля, кроме отмеченных «необязательно».</Text>
        <PersonFields form={form} legend="О себе" />
        <SchoolFields form={form} legend="Где учишься" />
        <Fieldset legend="Вход в кабинет" variant="unstyled">
          <Stack gap="sm">
            <TextInput
              label="Электронная почта"
              description="Пришлём письмо, чтобы подтвердить адрес. По нему же ты будешь входить"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <TextInput
              label="Телефон"
              description="Твой или родителя, например +7 900 123-45-67"
              type="tel"
              autoComplete="tel"
              required
              {...form.getInputProps('phone')}
            />
            <PasswordInput label="Пароль" description={PASSWORD_HINT} autoComplete="new-password" required {...form.getInputProps('password')} />
            <Checkbox
              label="Согласен(на) с правилами участия"
              description="Правила простые: указываю о себе правду, прихожу на мероприятия, на которые записался, или заранее отменяю запись и уважительно отношусь к наставникам и другим ребятам."
              {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
        <Stack gap="sm">
          <FormAlert message={alert} />
          <Button type="submit" size="lg" loading={register.isPending}>
            Зарегистрироваться
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

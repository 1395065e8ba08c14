import { useState } from 'react';
import { Alert, Button, Fieldset, PasswordInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { parentMayCreateChild } from '@common/participation.js';
import { createChildSchema, REPRESENTATIVE_KIND_OPTIONS, type RepresentativeKind } from '@common/schemas/identity.js';
import { ageOn, todayInMoscow } from '@common/validators.js';
import { emptyChildValues, useChildForm, type ChildFormValues } from '@web/lib/child-form';
import { PersonFields, SchoolFields } from '@web/lib/components/child-fields';
import { FormAlert } from '@web/lib/components/page';
import { PASSWORD_HINT, commonPasswordError } from '@web/lib/password';
import { useCreateChild } from '../api/parent-api';

interface CreateChildValues extends ChildFormValues {
  email: string;
  phone: string;
  signIn: 'link' | 'password';
  password: string;
  representativeKind: RepresentativeKind;
}

const initialValues: CreateChildValues = { ...emptyChildValues, email: '', phone: '', signIn: 'link', password: '', representativeKind: 'parent' };

function ownPayload(values: CreateChildValues) {
  return {
    representativeKind: values.representativeKind,
    email: values.email,
    phone: values.phone.trim() ? values.phone : undefined,
    password: values.signIn === 'password' ? values.password : undefined,
  };
}

/** The age rule the server applies, said while the date is typed rather than after submitting. */
function tooOldError(birthDate: string): FormErrors {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return {};
  return parentMayCreateChild(ageOn(birthDate, todayInMoscow()))
    ? {}
    : { birthDate: 'Ребёнку уже есть 14 лет: отправьте ему приглашение, он зарегистрируется сам' };
}

export function CreateChildForm() {
  const create = useCreateChild();
  const [created, setCreated] = useState<{ name: string; signInLinkSent: boolean } | null>(null);
  const { form, formRef, alert, onSubmit } = useChildForm({
    initialValues,
    schema: createChildSchema,
    ownPayload,
    extraErrors: (values): FormErrors => ({
      ...tooOldError(values.birthDate),
      ...(values.signIn === 'password'
        ? { ...(values.password ? {} : { password: 'Придумайте пароль или выберите ссылку на почту' }), ...commonPasswordError(values.password) }
        : {}),
    }),
  });

  const submit = onSubmit((body, values, failed) => {
    setCreated(null);
    create.mutate(body, {
      onSuccess: (result) => {
        setCreated({ name: values.firstName, signInLinkSent: result.signInLinkSent });
        form.reset();
      },
      onError: failed,
    });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Text>
          Подходит, если ребёнку ещё нет 14 лет. С 14 лет ребёнок регистрируется сам — отправьте ему приглашение. Заполните все поля,
          кроме отмеченных «необязательно».
        </Text>
        {created && (
          <Alert color="green" title="Кабинет создан" role="status">
            {created.signInLinkSent
              ? `Мы отправили письмо на почту ребёнка: по ссылке из него ${created.name} придумает пароль и войдёт.`
              : `${created.name} может входить со своей почтой и паролем, который вы придумали. Ещё мы отправили письмо, чтобы подтвердить адрес.`}{' '}
            Карточка ребёнка появилась в списке «Мои дети» — осталось дать согласие на обработку данных.
          </Alert>
        )}
        <Select
          label="Кем вы приходитесь ребёнку"
          data={REPRESENTATIVE_KIND_OPTIONS}
          allowDeselect={false}
          maw={320}
          required
          {...form.getInputProps('representativeKind')}
        />
        <PersonFields form={form} legend="О ребёнке" />
        <SchoolFields form={form} legend="Где учится ребёнок" />
        <Fieldset legend="Вход для ребёнка" variant="unstyled">
          <Stack gap="sm">
            <TextInput
              label="Электронная почта"
              description="Почта ребёнка: на неё придут письма, с ней ребёнок будет входить"
              type="email"
              autoComplete="off"
              required
              {...form.getInputProps('email')}
            />
            <TextInput label="Телефон" description="Необязательно. Например, +7 900 123-45-67" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            <Radio.Group label="Как ребёнок будет входить" size="md" {...form.getInputProps('signIn')}>
              <Stack gap="xs" mt="xs">
                <Radio size="md" value="link" label="Прислать ребёнку ссылку на почту — пароль он придумает сам" />
                <Radio size="md" value="password" label="Я придумаю пароль сам(а) и скажу ребёнку" />
              </Stack>
            </Radio.Group>
            {form.values.signIn === 'password' && (
              <PasswordInput label="Пароль" description={PASSWORD_HINT} autoComplete="new-password" required {...form.getInputProps('password')} />
            )}
          </Stack>
        </Fieldset>
        <Stack gap="sm">
          <FormAlert message={alert} />
          <Button type="submit" size="lg" loading={create.isPending}>
            Создать кабинет
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

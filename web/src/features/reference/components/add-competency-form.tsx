import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { REFERENCE_LIMITS, competencyCreateSchema } from '@common/schemas/reference.js';
import type { Sphere } from '@web/lib/competencies';
import { FormAlert } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useAddCompetency } from '../api/reference-api';

/** A new competency in this sphere. Its code is given once: tests refer to it, so it never changes later. */
export function AddCompetencyForm({ sphere }: { sphere: Sphere }) {
  const add = useAddCompetency();
  const form = useForm({
    initialValues: { name: '', code: '' },
    validate: (values) => schemaErrors(competencyCreateSchema, { sphereId: sphere.id, ...values }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const parsed = competencyCreateSchema.parse({ sphereId: sphere.id, ...values });
    add.mutate(parsed, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Компетенция добавлена', message: `${parsed.name} — в сфере «${sphere.name}»` });
        form.reset();
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);
  const titleId = `add-competency-${sphere.id}`;
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={4} id={titleId}>
          Новая компетенция
        </Title>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput label="Название" maxLength={REFERENCE_LIMITS.name} style={{ flex: '1 1 16rem' }} {...form.getInputProps('name')} />
          <TextInput
            label="Код"
            description="Латиница, цифры и дефис, например cnc-turning. Потом его не изменить"
            maxLength={REFERENCE_LIMITS.code}
            autoCapitalize="none"
            spellCheck={false}
            style={{ flex: '1 1 14rem' }}
            {...form.getInputProps('code')}
          />
        </Group>
        <FormAlert message={feedback.alert} />
        <Group>
          <Button type="submit" variant="outline" loading={add.isPending}>
            Добавить компетенцию
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

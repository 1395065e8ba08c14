import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { REFERENCE_LIMITS, sphereUpdateSchema } from '../../../../../common/schemas/reference.js';
import { ApiError } from '../../../lib/api-client';
import { applyServerErrors, schemaErrors } from '../../../lib/forms';

interface Props {
  label: string;
  initial: string;
  pending: boolean;
  onSave: (name: string) => Promise<unknown>;
  onCancel?: () => void;
}

/** One name in place: a sphere's. A refusal is shown under the input, even one without a field of its own. */
export function NameForm({ label, initial, pending, onSave, onCancel }: Props) {
  const form = useForm({ initialValues: { name: initial }, validate: (values) => schemaErrors(sphereUpdateSchema, values) });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      await onSave(name.trim());
    } catch (error) {
      const message = applyServerErrors(error, form.setFieldError, (field) => (field === 'name' ? 'name' : null));
      if (!(error instanceof ApiError && error.fields.name)) form.setFieldError('name', message);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput label={label} maxLength={REFERENCE_LIMITS.name} w={{ base: '100%', sm: 360 }} {...form.getInputProps('name')} />
        <Group gap="xs" mt={{ base: 0, sm: 30 }}>
          <Button type="submit" loading={pending}>
            Сохранить
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Отмена
            </Button>
          )}
        </Group>
      </Group>
    </form>
  );
}

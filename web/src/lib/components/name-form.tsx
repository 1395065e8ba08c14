import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api-client';
import { applyServerErrors, schemaErrors } from '../forms';

interface Props {
  label: string;
  initial: string;
  /** Checks `{ name }` before it is sent. */
  schema: z.ZodType;
  maxLength?: number;
  submitLabel?: string;
  /** The input's width from the `sm` breakpoint up; below it the input takes the whole row. */
  width?: number;
  pending: boolean;
  onSave: (name: string) => Promise<unknown>;
  /** Leaves a rename without saving; a form that adds a new name has none. */
  onCancel?: () => void;
}

/**
 * One name in place: adding a new one, or renaming one in its row. A refusal is shown under the
 * input, even one without a field of its own (say, the thing was deleted meanwhile).
 */
export function NameForm({ label, initial, schema, maxLength, submitLabel = 'Сохранить', width = 360, pending, onSave, onCancel }: Props) {
  const form = useForm({ initialValues: { name: initial }, validate: (values) => schemaErrors(schema, values) });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      await onSave(name.trim());
      form.reset();
    } catch (error) {
      const message = applyServerErrors(error, form.setFieldError, (field) => (field === 'name' ? 'name' : null));
      if (!(error instanceof ApiError && error.fields.name)) form.setFieldError('name', message);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput label={label} maxLength={maxLength} w={{ base: '100%', sm: width }} {...form.getInputProps('name')} />
        <Group gap="xs" mt={{ base: 0, sm: 30 }}>
          <Button type="submit" loading={pending}>
            {submitLabel}
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

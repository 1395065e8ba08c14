import { useEffect, useRef, useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { secondFactorCodeSchema } from '../../../../../common/schemas/staff-access.js';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { focusFirstInvalid, schemaErrors } from '../../../lib/forms';
import { FormAlert } from '../../../lib/components/page';

/** Asks for a current code (from the app, or a recovery code) before a change to the second factor itself. */
export function CodeConfirmForm({
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  danger,
}: {
  submitLabel: string;
  pending: boolean;
  onSubmit: (code: string, failed: (error: unknown) => void) => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) => schemaErrors(secondFactorCodeSchema, values.code, () => 'code'),
  });
  // The form opens from a button; the keyboard goes straight to where the code is typed.
  useEffect(() => inputRef.current?.focus(), []);
  const failed = (error: unknown) => {
    form.setFieldValue('code', '');
    if (error instanceof ApiError && error.fields.code) form.setFieldError('code', error.fields.code);
    else setAlert(errorMessage(error));
    inputRef.current?.focus();
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setAlert(null);
          onSubmit(values.code, failed);
        },
        () => focusFirstInvalid(formRef.current),
      )}
    >
      <Stack gap="sm" maw={420}>
        <FormAlert message={alert} />
        <TextInput
          label="Код из приложения или резервный код"
          description="Чтобы убедиться, что это вы"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          ref={inputRef}
          {...form.getInputProps('code')}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending} color={danger ? 'red.8' : undefined}>
            {submitLabel}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Отмена
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { useEffect } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { secondFactorCodeSchema } from '@common/schemas/staff-access.js';
import { useCodeForm } from '@web/lib/code-form';
import { FormAlert } from '@web/lib/components/page';

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
  const code = useCodeForm(secondFactorCodeSchema);
  const { form, inputRef } = code;
  // The form opens from a button; the keyboard goes straight to where the code is typed.
  useEffect(() => inputRef.current?.focus(), [inputRef]);

  return (
    <form ref={code.formRef} noValidate onSubmit={code.onSubmit((value) => onSubmit(value, code.failed))}>
      <Stack gap="sm" maw={420}>
        <FormAlert message={code.alert} />
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

import { useRef } from 'react';
import { Button, Checkbox, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { focusFirstInvalid } from '@web/lib/forms';
import { FormAlert } from './page';

export interface AcceptTextFormProps {
  /** The checkbox's words: the person says it read the text and accepts it. */
  checkboxLabel: string;
  /** Shown when the form is sent without the checkbox. */
  uncheckedMessage: string;
  submitLabel: string;
  onAccept: () => void;
  pending: boolean;
  /** The server's refusal, if the last attempt failed. */
  error: string | null;
}

/** Accepting a text (a consent, an instruction): one checkbox that must be ticked, then the button. */
export function AcceptTextForm({ checkboxLabel, uncheckedMessage, submitLabel, onAccept, pending, error }: AcceptTextFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { agree: false },
    validate: { agree: (value) => (value ? null : uncheckedMessage) },
  });
  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(onAccept, () => focusFirstInvalid(formRef.current))}>
      <Stack gap="md" align="flex-start">
        <FormAlert message={error} />
        <Checkbox label={checkboxLabel} {...form.getInputProps('agree', { type: 'checkbox' })} />
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

import { useRef, useState } from 'react';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api-client';
import { focusFirstInvalid, schemaErrors } from './forms';

/** Apps show the six digits as "123 456", and people type them so: room for the space. */
export const TOTP_INPUT_PROPS = { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 7 } as const;

/**
 * A form of one field for a code from the authenticator app or a recovery code. A code lives for
 * seconds, so a refused one is cleared, the reason goes next to the field (or above the form when
 * the field is not to blame), and the keyboard goes straight back for the next code.
 */
export function useCodeForm(schema: z.ZodType) {
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '' }, validate: (values) => schemaErrors(schema, values.code, () => 'code') });

  const failed = (error: unknown) => {
    form.setFieldValue('code', '');
    if (error instanceof ApiError && error.fields.code) form.setFieldError('code', error.fields.code);
    else setAlert(errorMessage(error));
    inputRef.current?.focus();
  };

  const onSubmit = (send: (code: string) => void) =>
    form.onSubmit(
      (values) => {
        setAlert(null);
        send(values.code);
      },
      () => focusFirstInvalid(formRef.current),
    );

  return { form, formRef, inputRef, alert, setAlert, failed, onSubmit };
}

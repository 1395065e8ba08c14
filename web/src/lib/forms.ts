import { useRef, useState } from 'react';
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api-client';

/**
 * Runs a shared schema over exactly what the form would send, so the page and the server judge
 * the same rules; each issue is named by the form field that shows it.
 */
export function schemaErrors(schema: z.ZodType, payload: unknown, fieldFor: (path: string) => string = (path) => path): FormErrors {
  const result = schema.safeParse(payload);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldFor(issue.path.map(String).join('.'));
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Puts each server field message next to its input and returns the text for the alert above the
 * form: the general message plus any field message that has no input on this form.
 */
export function applyServerErrors(error: unknown, setFieldError: (field: string, message: string) => void, fieldFor: (serverField: string) => string | null): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const orphans: string[] = [];
  for (const [serverField, message] of Object.entries(error.fields)) {
    const field = fieldFor(serverField);
    if (field) setFieldError(field, message);
    else orphans.push(message);
  }
  return [error.message, ...orphans.filter((m) => m !== error.message)].map((m) => m.replace(/\.$/, '')).join('. ');
}

/** After a failed submit the first invalid input takes focus, so keyboard and screen reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

interface FeedbackForm {
  setFieldError: (field: string, message: string) => void;
  getValues: () => object;
}

/**
 * The alert above a form, and what a failure does: a refused request puts each server message
 * under its input (by default any field the form holds) and the rest in the alert; after a
 * failed check, in the browser or on the server, the first invalid input takes focus. Pass
 * `onInvalid` as the second argument of `form.onSubmit` and `ref` to the form element.
 */
export function useFormFeedback(
  form: FeedbackForm,
  fieldFor: (serverField: string) => string | null = (field) => (Object.hasOwn(form.getValues(), field) ? field : null),
) {
  const ref = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  return {
    ref,
    alert,
    setAlert,
    onInvalid: () => focusFirstInvalid(ref.current),
    onError: (error: unknown) => {
      setAlert(applyServerErrors(error, form.setFieldError, fieldFor));
      focusFirstInvalid(ref.current);
    },
  };
}

let pointerPressed = false;
const waitingForRelease = new Set<() => void>();

function releasePointer() {
  pointerPressed = false;
  // After the click that follows this release has been handled.
  setTimeout(() => {
    for (const run of waitingForRelease) run();
    waitingForRelease.clear();
  });
}

document.addEventListener('pointerdown', () => (pointerPressed = true), true);
document.addEventListener('pointerup', releasePointer, true);
document.addEventListener('pointercancel', releasePointer, true);

/**
 * For useForm's enhanceGetInputProps: checks a field when it loses focus. When focus left because
 * the pointer is pressing on something else, the check waits for the press to end: a message
 * appearing mid-click would shift the page, and the click would miss the checkbox or button.
 */
export function validateOnBlur({ inputProps, field, form }: { inputProps: { onBlur?: (event: unknown) => void }; field: string; form: { validateField(path: string): unknown } }) {
  // Mantine assigns the returned props onto inputProps itself, so its own onBlur must be taken now.
  const mantineOnBlur = inputProps.onBlur;
  return {
    onBlur: (event: unknown) => {
      mantineOnBlur?.(event);
      if (pointerPressed) waitingForRelease.add(() => form.validateField(field));
      else form.validateField(field);
    },
  };
}

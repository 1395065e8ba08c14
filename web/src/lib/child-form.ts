import { useForm, type FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { GRADES } from '@common/validators.js';
import { schemaErrors, useFormFeedback, validateOnBlur } from './forms';

/** Every grade of the programme, for a select or a filter. */
export const GRADE_OPTIONS = Array.from({ length: GRADES.max - GRADES.min + 1 }, (_, i) => ({
  value: String(GRADES.min + i),
  label: `${GRADES.min + i} класс`,
}));

/** What a form about a pupil holds: the same for self-registration and for a parent creating a cabinet. */
export interface ChildFormValues {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  snils: string;
  grade: string | null;
  regionId: string | null;
  cityId: string | null;
  schoolId: string | null;
  schoolNotListed: boolean;
  schoolName: string;
}

export const emptyChildValues: ChildFormValues = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  snils: '',
  grade: null,
  regionId: null,
  cityId: null,
  schoolId: null,
  schoolNotListed: false,
  schoolName: '',
};

const toNumber = (value: string | null) => (value ? Number(value) : undefined);

/** The child part of the request body, in the shape of the shared schema. */
function childPayload(v: ChildFormValues) {
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName.trim() ? v.middleName : undefined,
    birthDate: v.birthDate,
    grade: toNumber(v.grade),
    regionId: toNumber(v.regionId),
    cityId: toNumber(v.cityId),
    ...(v.schoolNotListed ? { schoolName: v.schoolName } : { schoolId: v.schoolId ?? undefined }),
    snils: v.snils,
  };
}

/** "Choose a school" belongs to whichever school input is on screen. */
function childFieldFor(v: ChildFormValues) {
  return (path: string) => (path === 'schoolId' && v.schoolNotListed ? 'schoolName' : path);
}

/** Messages the schema cannot phrase for a select that is still empty. */
function childSelectErrors(v: ChildFormValues): FormErrors {
  return v.grade ? {} : { grade: 'Выберите класс' };
}

interface ChildFormOptions<V extends ChildFormValues, S extends z.ZodType> {
  initialValues: V;
  /** The shared schema of the whole request body, run on the page exactly as the server runs it. */
  schema: S;
  /** The body's fields beyond the child's own. */
  ownPayload: (values: V) => Record<string, unknown>;
  /** Rules of this form that the schema cannot say. */
  extraErrors?: (values: V) => FormErrors;
}

/**
 * A form about a pupil plus the fields of its own request (self-registration, a parent creating a
 * cabinet): judged by the shared schema while typing, sent as the schema parses it, and the
 * server's messages put next to the inputs they are about.
 */
export function useChildForm<V extends ChildFormValues, S extends z.ZodType>({ initialValues, schema, ownPayload, extraErrors }: ChildFormOptions<V, S>) {
  const payload = (values: V) => ({ ...childPayload(values), ...ownPayload(values) });
  const form = useForm<V>({
    initialValues,
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => ({
      ...schemaErrors(schema, payload(values), childFieldFor(values)),
      ...childSelectErrors(values),
      ...extraErrors?.(values),
    }),
  });

  const feedback = useFormFeedback(form, (serverField) => {
    const values = form.getValues();
    const field = childFieldFor(values)(serverField);
    return Object.hasOwn(values, field) ? field : null;
  });

  /** The form's onSubmit; `send` gets the parsed body and a `failed` to hand the request's error to. */
  const onSubmit = (send: (body: z.output<S>, values: V, failed: (error: unknown) => void) => void) =>
    form.onSubmit((values) => {
      feedback.setAlert(null);
      const parsed = schema.safeParse(payload(values));
      if (parsed.success) send(parsed.data, values, feedback.onError);
    }, feedback.onInvalid);

  return { form, formRef: feedback.ref, alert: feedback.alert, onSubmit };
}

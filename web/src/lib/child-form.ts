import type { FormErrors } from '@mantine/form';
import { GRADES } from '../../../common/validators.js';

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
export function childPayload(v: ChildFormValues) {
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
export function childFieldFor(v: ChildFormValues) {
  return (path: string) => (path === 'schoolId' && v.schoolNotListed ? 'schoolName' : path);
}

/** Messages the schema cannot phrase for a select that is still empty. */
export function childSelectErrors(v: ChildFormValues): FormErrors {
  return v.grade ? {} : { grade: 'Выберите класс' };
}

/** Every server field of the child part maps to an input of the same name, except the school choice. */
export function childServerField(v: ChildFormValues, known: readonly string[]) {
  return (serverField: string): string | null => {
    const field = childFieldFor(v)(serverField);
    return known.includes(field) ? field : null;
  };
}

export const CHILD_FIELDS = Object.keys(emptyChildValues);

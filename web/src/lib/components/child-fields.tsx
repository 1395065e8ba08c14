import { Checkbox, Fieldset, Loader, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GRADES } from '../../../../common/validators.js';
import type { ChildFormValues } from '../child-form';
import { useCities, useRegions, useSchools } from '../reference';

const GRADE_OPTIONS = Array.from({ length: GRADES.max - GRADES.min + 1 }, (_, i) => {
  const grade = String(GRADES.min + i);
  return { value: grade, label: `${grade} класс` };
});

const today = () => new Date().toISOString().slice(0, 10);

interface Props<V extends ChildFormValues> {
  form: UseFormReturnType<V>;
  legend: string;
}

export function PersonFields<V extends ChildFormValues>({ form, legend }: Props<V>) {
  const f = form as unknown as UseFormReturnType<ChildFormValues>;
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        <TextInput label="Фамилия" autoComplete="family-name" withAsterisk {...f.getInputProps('lastName')} />
        <TextInput label="Имя" autoComplete="given-name" withAsterisk {...f.getInputProps('firstName')} />
        <TextInput label="Отчество" description="Если нет — оставьте пустым" autoComplete="additional-name" {...f.getInputProps('middleName')} />
        <TextInput label="Дата рождения" type="date" max={today()} withAsterisk {...f.getInputProps('birthDate')} />
        <TextInput
          label="СНИЛС"
          description="11 цифр, как на карточке СНИЛС"
          inputMode="numeric"
          autoComplete="off"
          withAsterisk
          {...f.getInputProps('snils')}
        />
      </Stack>
    </Fieldset>
  );
}

export function SchoolFields<V extends ChildFormValues>({ form, legend }: Props<V>) {
  const f = form as unknown as UseFormReturnType<ChildFormValues>;
  const { regionId, cityId, schoolNotListed } = f.getValues();
  const regions = useRegions();
  const cities = useCities(regionId ? Number(regionId) : null);
  const schools = useSchools(regionId ? Number(regionId) : null, cityId ? Number(cityId) : null);
  const noSchoolsListed = schools.isSuccess && schools.data.length === 0;

  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        <Select label="Класс" data={GRADE_OPTIONS} allowDeselect={false} withAsterisk {...f.getInputProps('grade')} />
        <Select
          label="Регион"
          placeholder="Начните вводить название"
          data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          searchable
          allowDeselect={false}
          nothingFoundMessage="Такого региона нет — проверьте название"
          rightSection={regions.isLoading ? <Loader size="xs" /> : undefined}
          withAsterisk
          {...f.getInputProps('regionId')}
          onChange={(value) => {
            f.setFieldValue('regionId', value);
            f.setFieldValue('cityId', null);
            f.setFieldValue('schoolId', null);
          }}
        />
        <Select
          label="Город"
          placeholder={regionId ? 'Начните вводить название' : 'Сначала выберите регион'}
          data={(cities.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          searchable
          allowDeselect={false}
          disabled={!regionId}
          nothingFoundMessage="Такого города нет в списке региона"
          rightSection={cities.isLoading ? <Loader size="xs" /> : undefined}
          withAsterisk
          {...f.getInputProps('cityId')}
          onChange={(value) => {
            f.setFieldValue('cityId', value);
            f.setFieldValue('schoolId', null);
          }}
        />
        {!schoolNotListed && (
          <Select
            label="Школа"
            placeholder={cityId ? 'Начните вводить номер или название' : 'Сначала выберите город'}
            description={
              noSchoolsListed ? 'Школ этого города пока нет в нашем списке — отметьте «Моей школы нет в списке» ниже' : undefined
            }
            data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            searchable
            allowDeselect={false}
            disabled={!cityId || noSchoolsListed}
            nothingFoundMessage="Не нашли? Отметьте «Моей школы нет в списке»"
            rightSection={schools.isLoading ? <Loader size="xs" /> : undefined}
            withAsterisk
            {...f.getInputProps('schoolId')}
          />
        )}
        <Checkbox label="Моей школы нет в списке" {...f.getInputProps('schoolNotListed', { type: 'checkbox' })} />
        {schoolNotListed && (
          <TextInput
            label="Название школы"
            description="Как на табличке или в дневнике, например «МБОУ СОШ № 5»"
            withAsterisk
            {...f.getInputProps('schoolName')}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

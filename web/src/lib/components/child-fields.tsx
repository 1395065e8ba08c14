import { Checkbox, Fieldset, Loader, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GRADE_OPTIONS, type ChildFormValues } from '../child-form';
import { useSchools } from '../reference';
import { ListSelect } from './list-select';
import { CitySelect, RegionSelect } from './reference-select';

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  form: UseFormReturnType<ChildFormValues>;
  legend: string;
}

export function PersonFields({ form, legend }: Props) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        <TextInput label="Фамилия" autoComplete="family-name" required {...form.getInputProps('lastName')} />
        <TextInput label="Имя" autoComplete="given-name" required {...form.getInputProps('firstName')} />
        <TextInput label="Отчество" description="Необязательно: если отчества нет, оставьте пустым" autoComplete="additional-name" {...form.getInputProps('middleName')} />
        <TextInput label="Дата рождения" type="date" max={today()} required {...form.getInputProps('birthDate')} />
        <TextInput
          label="СНИЛС"
          description="11 цифр, как на карточке СНИЛС"
          inputMode="numeric"
          autoComplete="off"
          required
          {...form.getInputProps('snils')}
        />
      </Stack>
    </Fieldset>
  );
}

export function SchoolFields({ form, legend }: Props) {
  const { regionId, cityId, schoolNotListed } = form.getValues();
  const region = regionId ? Number(regionId) : null;
  const schools = useSchools(region, cityId ? Number(cityId) : null);
  const noSchoolsListed = schools.isSuccess && schools.data.length === 0;

  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        <ListSelect label="Класс" data={GRADE_OPTIONS} allowDeselect={false} required {...form.getInputProps('grade')} />
        <RegionSelect
          label="Регион"
          placeholder="Начните вводить название"
          allowDeselect={false}
          nothingFoundMessage="Такого региона нет — проверьте название"
          required
          {...form.getInputProps('regionId')}
          onChange={(value) => {
            form.setFieldValue('regionId', value);
            form.setFieldValue('cityId', null);
            form.setFieldValue('schoolId', null);
          }}
        />
        <CitySelect
          regionId={region}
          label="Город"
          placeholder={regionId ? 'Начните вводить название' : 'Сначала выберите регион'}
          allowDeselect={false}
          disabled={!regionId}
          nothingFoundMessage="Такого города нет в списке региона"
          required
          {...form.getInputProps('cityId')}
          onChange={(value) => {
            form.setFieldValue('cityId', value);
            form.setFieldValue('schoolId', null);
          }}
        />
        {!schoolNotListed && (
          <ListSelect
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
            required
            {...form.getInputProps('schoolId')}
          />
        )}
        <Checkbox label="Моей школы нет в списке" {...form.getInputProps('schoolNotListed', { type: 'checkbox' })} />
        {schoolNotListed && (
          <TextInput
            label="Название школы"
            description="Как на табличке или в дневнике, например «МБОУ СОШ № 5»"
            required
            {...form.getInputProps('schoolName')}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

import { Stack, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { OrganisationKind } from '@common/organisations.js';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { CitySelect } from '@web/lib/components/reference-select';

/** What a form holds about a school or venue, as its inputs keep it. */
export interface OrganisationValues {
  name: string;
  inn: string;
  ogrn: string;
  cityId: string | null;
  address: string;
  phone: string;
  email: string;
  website: string;
  headName: string;
  description: string;
  competencyIds: string[];
}

export type OrganisationField = keyof OrganisationValues;

export const ORGANISATION_FIELDS: OrganisationField[] = ['name', 'inn', 'ogrn', 'cityId', 'address', 'phone', 'email', 'website', 'headName', 'description', 'competencyIds'];

/** The request fields in the shape of the shared schemas; a venue adds its description and competencies. */
export function organisationPayload(v: OrganisationValues, kind: OrganisationKind, withLegalIds: boolean) {
  return {
    name: v.name,
    ...(withLegalIds ? { inn: v.inn, ogrn: v.ogrn } : {}),
    cityId: v.cityId ? Number(v.cityId) : undefined,
    address: v.address,
    phone: v.phone,
    email: v.email,
    website: v.website,
    headName: v.headName,
    ...(kind === 'venue' ? { description: v.description, competencyIds: v.competencyIds.map(Number) } : {}),
  };
}

interface Props {
  kind: OrganisationKind;
  regionId: number;
  withLegalIds: boolean;
  input: (field: OrganisationField) => GetInputPropsReturnType;
}

/** The inputs of a school's or venue's profile, shared by registration and editing. */
export function OrganisationFields({ kind, regionId, withLegalIds, input }: Props) {
  return (
    <Stack gap="sm">
      <TextInput
        label="Название"
        description={kind === 'school' ? 'Как в уставе, например «МБОУ СОШ № 5 г. Кирова»' : 'Как в уставе, например «КОГПОБУ „Вятский колледж“»'}
        required
        {...input('name')}
      />
      {withLegalIds && (
        <>
          <TextInput label="ИНН" description="10 цифр" inputMode="numeric" autoComplete="off" required {...input('inn')} />
          <TextInput label="ОГРН" description="13 цифр" inputMode="numeric" autoComplete="off" required {...input('ogrn')} />
        </>
      )}
      <CitySelect
        regionId={regionId}
        label="Город"
        placeholder="Начните вводить название"
        allowDeselect={false}
        nothingFoundMessage="Такого города нет в списке региона"
        required
        {...input('cityId')}
      />
      <TextInput label="Адрес" description="Улица, дом, корпус" required {...input('address')} />
      <TextInput label="Телефон" description="Необязательно, например +7 833 222-33-44" type="tel" {...input('phone')} />
      <TextInput label="Электронная почта организации" description="Необязательно" type="email" {...input('email')} />
      <TextInput label="Сайт" description="Необязательно, адрес начинается с https://" type="url" {...input('website')} />
      <TextInput label="Руководитель" description="Необязательно: ФИО директора" {...input('headName')} />
      {kind === 'venue' && (
        <>
          <Textarea label="Описание" description="Необязательно: чем площадка интересна школьникам" rows={4} {...input('description')} />
          <CompetencySelect description="Хотя бы одна: по ним школьники найдут пробы площадки" required {...input('competencyIds')} />
        </>
      )}
    </Stack>
  );
}

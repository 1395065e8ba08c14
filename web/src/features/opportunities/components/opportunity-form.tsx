import { useMemo, useState } from 'react';
import { Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { OPPORTUNITY_KINDS, OPPORTUNITY_KIND_LABELS, type OpportunityKind } from '@common/guidance.js';
import { OPPORTUNITY_LIMITS, opportunityInputSchema } from '@common/schemas/opportunities.js';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { FormFooter } from '@web/lib/components/form-footer';
import { useCompetencies } from '@web/lib/competencies';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useCities, useRegions } from '@web/lib/reference';
import { useCreateOpportunity, useUpdateOpportunity, type StaffOpportunity } from '../api/opportunities-api';

export interface OpportunityFormValues {
  kind: OpportunityKind | null;
  title: string;
  provider: string;
  description: string;
  programmes: string;
  sphereIds: string[];
  competencyIds: string[];
  gradeFrom: number | string;
  gradeTo: number | string;
  online: boolean;
  cityId: string | null;
  address: string;
  ovzAccessible: boolean;
  ovzNotes: string;
  free: boolean;
  priceNote: string;
  startsOn: string;
  endsOn: string;
  url: string;
  contact: string;
  draft: boolean;
}

function initialValues(o: StaffOpportunity | null): OpportunityFormValues {
  return {
    kind: o?.kind ?? null,
    title: o?.title ?? '',
    provider: o?.provider ?? '',
    description: o?.description ?? '',
    programmes: (o?.programmes ?? []).join('\n'),
    sphereIds: (o?.sphereIds ?? []).map(String),
    competencyIds: (o?.competencyIds ?? []).map(String),
    gradeFrom: o?.gradeFrom ?? 6,
    gradeTo: o?.gradeTo ?? 11,
    online: o?.online ?? false,
    cityId: o?.cityId ? String(o.cityId) : null,
    address: o?.address ?? '',
    ovzAccessible: o?.ovzAccessible ?? false,
    ovzNotes: o?.ovzNotes ?? '',
    free: o?.free ?? true,
    priceNote: o?.priceNote ?? '',
    startsOn: o?.startsOn ?? '',
    endsOn: o?.endsOn ?? '',
    url: o?.url ?? '',
    contact: o?.contact ?? '',
    draft: o?.status === 'draft',
  };
}

const num = (value: number | string) => (value === '' ? undefined : Number(value));
const orNull = (value: string) => value.trim() || null;

/** The request body in the shape of the shared schema. */
function payload(v: OpportunityFormValues) {
  return {
    kind: v.kind ?? undefined,
    title: v.title,
    provider: v.provider,
    description: v.description,
    programmes: v.programmes.split('\n').map((p) => p.trim()).filter(Boolean),
    sphereIds: v.sphereIds.map(Number),
    competencyIds: v.competencyIds.map(Number),
    gradeFrom: num(v.gradeFrom),
    gradeTo: num(v.gradeTo),
    online: v.online,
    cityId: v.cityId ? Number(v.cityId) : null,
    address: orNull(v.address),
    ovzAccessible: v.ovzAccessible,
    ovzNotes: v.ovzAccessible ? orNull(v.ovzNotes) : null,
    free: v.free,
    priceNote: v.free ? null : orNull(v.priceNote),
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    url: orNull(v.url),
    contact: orNull(v.contact),
    status: v.draft ? 'draft' : 'published',
  };
}

const FIELDS = new Set(Object.keys(initialValues(null)));
/** A message about one programme or id belongs to its whole input. */
const fieldFor = (path: string) => path.split('.')[0]!;
const serverFieldFor = (field: string) => (FIELDS.has(fieldFor(field)) ? fieldFor(field) : null);

interface Props {
  opportunity: StaffOpportunity | null;
  /** The coordinator's region; null for the issuer, whose opportunities are federal and may lie in any region's city. */
  regionId: number | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/** The coordinator's or the issuer's form for one opportunity. */
export function OpportunityForm({ opportunity, regionId, onSaved, onCancel }: Props) {
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity(opportunity?.id ?? '');
  const save = opportunity ? update : create;
  const form = useForm<OpportunityFormValues>({
    initialValues: initialValues(opportunity),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(opportunityInputSchema, payload(values), fieldFor),
  });
  const feedback = useFormFeedback(form, serverFieldFor);
  const values = form.getValues();
  const [cityRegion, setCityRegion] = useState<string | null>(regionId === null && opportunity?.cityRegionId ? String(opportunity.cityRegionId) : null);
  const regions = useRegions();
  const cities = useCities(regionId ?? (cityRegion ? Number(cityRegion) : null));
  const spheres = useCompetencies();
  const sphereOptions = useMemo(() => (spheres.data ?? []).map((s) => ({ value: String(s.id), label: s.name })), [spheres.data]);

  const submit = form.onSubmit(
    (v) => save.mutate(payload(v), { onSuccess: (saved) => onSaved(saved.id), onError: feedback.onError }),
    feedback.onInvalid,
  );

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <Select
          label="Вид"
          required
          data={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: OPPORTUNITY_KIND_LABELS[k] }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Название" required maxLength={OPPORTUNITY_LIMITS.title.max} {...form.getInputProps('title')} />
        <TextInput label="Организация" description="Кто проводит или где учат" required maxLength={OPPORTUNITY_LIMITS.provider.max} {...form.getInputProps('provider')} />
        <Textarea label="Описание" required rows={4} maxLength={OPPORTUNITY_LIMITS.description.max} {...form.getInputProps('description')} />
        <Textarea
          label="Программы обучения"
          description="Специальности СПО или направления ВО, каждая с новой строки: «09.02.07 — Информационные системы и программирование»"
          rows={3}
          {...form.getInputProps('programmes')}
        />
        <MultiSelect label="Сферы" description="Сферы компетенций добавятся сами" searchable data={sphereOptions} {...form.getInputProps('sphereIds')} />
        <CompetencySelect {...form.getInputProps('competencyIds')} />
        <Group grow align="flex-start">
          <NumberInput label="С класса" required min={6} max={11} {...form.getInputProps('gradeFrom')} />
          <NumberInput label="По класс" required min={6} max={11} {...form.getInputProps('gradeTo')} />
        </Group>
        <Fieldset legend="Где">
          <Stack gap="sm">
            <Checkbox label="Онлайн" {...form.getInputProps('online', { type: 'checkbox' })} />
            {regionId === null && (
              <Select
                label="Регион города"
                searchable
                data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
                value={cityRegion}
                onChange={(value) => {
                  setCityRegion(value);
                  form.setFieldValue('cityId', null);
                }}
              />
            )}
            <Select
              label="Город"
              searchable
              clearable
              required={!values.online}
              data={(cities.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              {...form.getInputProps('cityId')}
            />
            <TextInput label="Адрес" maxLength={OPPORTUNITY_LIMITS.address} {...form.getInputProps('address')} />
          </Stack>
        </Fieldset>
        <Checkbox label="Доступно детям с ОВЗ" {...form.getInputProps('ovzAccessible', { type: 'checkbox' })} />
        {values.ovzAccessible && (
          <Textarea label="Условия для детей с ОВЗ" description="Что сделано, чтобы ребёнку было удобно и безопасно" {...form.getInputProps('ovzNotes')} />
        )}
        <Checkbox label="Бесплатно" {...form.getInputProps('free', { type: 'checkbox' })} />
        {!values.free && <TextInput label="Стоимость" required maxLength={OPPORTUNITY_LIMITS.notes} {...form.getInputProps('priceNote')} />}
        <Group grow align="flex-start">
          <TextInput type="date" label="Начало" {...form.getInputProps('startsOn')} />
          <TextInput type="date" label="Окончание" {...form.getInputProps('endsOn')} />
        </Group>
        <TextInput label="Ссылка" type="url" placeholder="https://" maxLength={OPPORTUNITY_LIMITS.url} {...form.getInputProps('url')} />
        <TextInput label="Контакт" description="Телефон, почта или имя ответственного" maxLength={OPPORTUNITY_LIMITS.contact} {...form.getInputProps('contact')} />
        <Checkbox label="Сохранить как черновик — семьи его не увидят" {...form.getInputProps('draft', { type: 'checkbox' })} />
        <FormFooter alert={feedback.alert} pending={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

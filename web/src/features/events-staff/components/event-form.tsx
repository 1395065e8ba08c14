import { useMemo, useState } from 'react';
import { Checkbox, Fieldset, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import {
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  EVENT_FORMATS,
  EVENT_FORMAT_LABELS,
  EVENT_LIMITS,
  LESSON,
  type Difficulty,
  type EventFormat,
} from '@common/events.js';
import { createEventSchema, updateEventSchema, type StaffEventDetail } from '@common/schemas/events.js';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useCreateEvents, useUpdateEvent, type EventFormOptions } from '../api/events-staff-api';
import { emptySchedule, localInstant, occurrences, splitInstant, type ScheduleValues } from '../schedule';
import { ScheduleFields } from './schedule-fields';

export interface EventFormValues extends ScheduleValues {
  title: string;
  competencyId: string | null;
  description: string;
  format: EventFormat;
  placeId: string | null;
  videoUrl: string;
  schoolId: string | null;
  durationMinutes: number | string;
  capacity: number | string;
  gradeFrom: number | string;
  gradeTo: number | string;
  difficulty: Difficulty | null;
  ovzSuitable: boolean;
  ovzNotes: string;
  mentorIds: string[];
}

function initialValues(event: StaffEventDetail | null): EventFormValues {
  if (!event) {
    return {
      ...emptySchedule,
      title: '',
      competencyId: null,
      description: '',
      format: 'in_person',
      placeId: null,
      videoUrl: '',
      schoolId: null,
      durationMinutes: 90,
      capacity: 10,
      gradeFrom: 6,
      gradeTo: 11,
      difficulty: null,
      ovzSuitable: false,
      ovzNotes: '',
      mentorIds: [],
    };
  }
  return {
    ...emptySchedule,
    ...splitInstant(event.startsAt),
    title: event.title,
    competencyId: String(event.competency.id),
    description: event.description,
    format: event.format,
    placeId: event.place?.id ?? null,
    videoUrl: event.videoUrl ?? '',
    schoolId: event.school?.id ?? null,
    durationMinutes: event.durationMinutes,
    capacity: event.capacity,
    gradeFrom: event.gradeFrom,
    gradeTo: event.gradeTo,
    difficulty: event.difficulty,
    ovzSuitable: event.ovzSuitable,
    ovzNotes: event.ovzNotes ?? '',
    mentorIds: event.mentors.map((m) => m.id),
  };
}

/** An empty number input stays empty, so the schema names the field instead of sending 0. */
const num = (value: number | string) => (value === '' ? undefined : Number(value));

/** The request body in the shape of the shared schema; only the chosen format's own field is sent. */
function payload(values: EventFormValues, single: boolean) {
  return {
    competencyId: values.competencyId ? Number(values.competencyId) : undefined,
    format: values.format,
    title: values.title,
    description: values.description,
    placeId: values.format === 'in_person' ? values.placeId : null,
    videoUrl: values.format === 'online' ? values.videoUrl.trim() || null : null,
    schoolId: values.format === 'school_lesson' ? values.schoolId : null,
    durationMinutes: num(values.durationMinutes),
    capacity: num(values.capacity),
    gradeFrom: num(values.gradeFrom),
    gradeTo: num(values.gradeTo),
    difficulty: values.difficulty ?? undefined,
    ovzSuitable: values.ovzSuitable,
    ovzNotes: values.ovzSuitable ? values.ovzNotes.trim() || null : null,
    mentorIds: values.mentorIds,
    startsAt: single ? (values.date ? localInstant(values.date, values.time) : undefined) : occurrences(values),
  };
}

const FIELDS = new Set(Object.keys(initialValues(null)));

/** A message about the start, or one date of a series, belongs to the date input. */
const fieldFor = (path: string) => (path === 'startsAt' || path.startsWith('startsAt.') ? 'date' : path.startsWith('mentorIds.') ? 'mentorIds' : path);
const serverFieldFor = (field: string) => {
  const mapped = fieldFor(field);
  return FIELDS.has(mapped) ? mapped : null;
};

interface Props {
  /** The event being edited; none to create one or a series. */
  event: StaffEventDetail | null;
  options: EventFormOptions;
  onSaved: (ids: string[]) => void;
  onCancel: () => void;
}

/** The venue creates an event or a series of them, or edits a draft or a returned one. */
export function EventForm({ event, options, onSaved, onCancel }: Props) {
  const single = event !== null;
  const create = useCreateEvents();
  const update = useUpdateEvent(event?.id ?? '');
  const save = single ? update : create;
  const phone = useMediaQuery('(max-width: 48em)');
  const [capped, setCapped] = useState(false);
  const form = useForm<EventFormValues>({
    initialValues: initialValues(event),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(single ? updateEventSchema : createEventSchema, payload(values, single), fieldFor),
  });
  const feedback = useFormFeedback(form, serverFieldFor);
  const values = form.getValues();
  const lesson = values.format === 'school_lesson';

  const competencies = useMemo(() => {
    const groups = new Map<string, Array<{ value: string; label: string }>>();
    for (const c of options.competencies) groups.set(c.sphereName, [...(groups.get(c.sphereName) ?? []), { value: String(c.id), label: c.name }]);
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [options.competencies]);

  // A lesson has the programme's fixed length and group size; the form sets them rather than refusing.
  const setFormat = (format: EventFormat) => {
    form.setFieldValue('format', format);
    if (format !== 'school_lesson') {
      setCapped(false);
      return;
    }
    form.setFieldValue('durationMinutes', LESSON.durationMinutes);
    const capacity = Number(form.getValues().capacity);
    if (capacity > LESSON.maxCapacity) {
      form.setFieldValue('capacity', LESSON.maxCapacity);
      setCapped(true);
    }
  };

  const submit = form.onSubmit((v) => {
    feedback.setAlert(null);
    const body = payload(v, single);
    if (single) {
      const parsed = updateEventSchema.safeParse(body);
      if (parsed.success) update.mutate(parsed.data, { onSuccess: (saved) => onSaved([saved.id]), onError: feedback.onError });
    } else {
      const parsed = createEventSchema.safeParse(body);
      if (parsed.success) create.mutate(parsed.data, { onSuccess: (result) => onSaved(result.ids), onError: feedback.onError });
    }
  }, feedback.onInvalid);

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="xl" maw={720}>
        <Text size="sm">Заполните все поля, кроме отмеченных «необязательно». После сохранения мероприятие станет черновиком: отправьте его на согласование координатору.</Text>

        <Fieldset legend="О мероприятии" variant="unstyled">
          <Stack gap="sm">
            <TextInput
              label="Название"
              description="Так мероприятие увидят школьники и родители, например «Токарное дело: выточи свою первую деталь»"
              maxLength={EVENT_LIMITS.title.max}
              required
              {...form.getInputProps('title')}
            />
            <Select
              label="Компетенция"
              description="Только компетенции вашей площадки"
              placeholder="Начните вводить название"
              data={competencies}
              searchable
              allowDeselect={false}
              nothingFoundMessage="Такой компетенции нет у площадки"
              size="md"
              required
              {...form.getInputProps('competencyId')}
            />
            <Select
              label="Уровень сложности"
              data={DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
              allowDeselect={false}
              size="md"
              w={{ base: '100%', xs: 320 }}
              required
              {...form.getInputProps('difficulty')}
            />
            <Textarea
              label="Описание"
              description={`Что участники будут делать и что унесут с собой; от ${EVENT_LIMITS.description.min} до ${EVENT_LIMITS.description.max} символов`}
              rows={4}
              maxLength={EVENT_LIMITS.description.max}
              size="md"
              required
              {...form.getInputProps('description')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Формат и место" variant="unstyled">
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="event-format-label">
                Формат
              </Text>
              <SegmentedControl
                aria-labelledby="event-format-label"
                data={EVENT_FORMATS.map((f) => ({ value: f, label: EVENT_FORMAT_LABELS[f] }))}
                value={values.format}
                onChange={(value) => setFormat(value as EventFormat)}
                orientation={phone ? 'vertical' : 'horizontal'}
                fullWidth
              />
            </Stack>
            {values.format === 'in_person' && (
              <Select
                label="Место проведения"
                description={options.places.length === 0 ? 'Сначала добавьте место в разделе «Места проведения»' : undefined}
                data={options.places.map((p) => ({ value: p.id, label: `${p.name}, ${p.address}` }))}
                searchable
                allowDeselect={false}
                size="md"
                required
                {...form.getInputProps('placeId')}
              />
            )}
            {values.format === 'online' && (
              <TextInput
                label="Ссылка на видеосвязь"
                description="Начинается с https://; участники увидят её после записи"
                type="url"
                inputMode="url"
                maxLength={500}
                required
                {...form.getInputProps('videoUrl')}
              />
            )}
            {lesson && (
              <Select
                label="Школа, где пройдёт урок"
                description="Наставник ведёт урок по видеосвязи, а в классе ребят встречает ответственный от школы"
                data={options.schools.map((s) => ({ value: s.id, label: s.name }))}
                searchable
                allowDeselect={false}
                nothingFoundMessage="Такой школы нет в вашем регионе"
                size="md"
                required
                {...form.getInputProps('schoolId')}
              />
            )}
          </Stack>
        </Fieldset>

        <ScheduleFields form={form} single={single} />

        <Fieldset legend="Участники" variant="unstyled">
          <Stack gap="sm">
            <Group align="flex-start" gap="sm">
              <NumberInput
                label="Продолжительность, минут"
                description={lesson ? `Урок профессионального мастерства всегда длится ${LESSON.durationMinutes} минут` : `От ${EVENT_LIMITS.durationMinutes.min} до ${EVENT_LIMITS.durationMinutes.max}`}
                min={EVENT_LIMITS.durationMinutes.min}
                max={EVENT_LIMITS.durationMinutes.max}
                allowDecimal={false}
                allowNegative={false}
                readOnly={lesson}
                size="md"
                w={{ base: '100%', xs: 260 }}
                required
                {...form.getInputProps('durationMinutes')}
              />
              <NumberInput
                label="Количество мест"
                description={
                  lesson
                    ? capped
                      ? `Уменьшено до ${LESSON.maxCapacity}: на урок записывается группа не больше ${LESSON.maxCapacity} учеников`
                      : `На урок — группа не больше ${LESSON.maxCapacity} учеников`
                    : `До ${EVENT_LIMITS.capacity}`
                }
                min={1}
                max={lesson ? LESSON.maxCapacity : EVENT_LIMITS.capacity}
                allowDecimal={false}
                allowNegative={false}
                size="md"
                w={{ base: '100%', xs: 260 }}
                required
                {...form.getInputProps('capacity')}
              />
            </Group>
            <Group align="flex-start" gap="sm">
              <NumberInput label="С какого класса" min={6} max={11} allowDecimal={false} allowNegative={false} size="md" w={{ base: '100%', xs: 200 }} required {...form.getInputProps('gradeFrom')} />
              <NumberInput label="По какой класс" min={6} max={11} allowDecimal={false} allowNegative={false} size="md" w={{ base: '100%', xs: 200 }} required {...form.getInputProps('gradeTo')} />
            </Group>
            <Checkbox label="Подходит детям с ОВЗ" {...form.getInputProps('ovzSuitable', { type: 'checkbox' })} />
            {values.ovzSuitable && (
              <Textarea
                label="Какие условия созданы для детей с ОВЗ"
                description="Например: вход без ступенек, задание можно выполнить сидя, наставник владеет жестовым языком"
                rows={2}
                maxLength={EVENT_LIMITS.ovzNotes}
                size="md"
                required
                {...form.getInputProps('ovzNotes')}
              />
            )}
          </Stack>
        </Fieldset>

        <MultiSelect
          label="Наставники"
          description={`Кто проводит мероприятие; не больше ${EVENT_LIMITS.mentors}`}
          data={options.mentors.map((m) => ({ value: m.id, label: m.name }))}
          searchable
          hidePickedOptions
          maxValues={EVENT_LIMITS.mentors}
          nothingFoundMessage="Такого наставника нет на площадке"
          size="md"
          required
          {...form.getInputProps('mentorIds')}
        />

        <Stack gap="sm">
          <FormFooter alert={feedback.alert} pending={save.isPending} submitLabel={single ? 'Сохранить' : 'Создать'} onCancel={onCancel} />
        </Stack>
      </Stack>
    </form>
  );
}

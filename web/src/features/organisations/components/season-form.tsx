import { Group, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { regionUpdateSchema } from '@common/schemas/organisations.js';
import { CALENDAR_ARIA_LABELS } from '@web/lib/calendar-labels';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useSetSeason, type RegionDetails } from '../api/regions-api';

interface SeasonValues {
  seasonStartsOn: string | null;
  seasonEndsOn: string | null;
}

/** Both dates look and read alike; the calendar's buttons are named in Russian. */
const DATE_INPUT = {
  placeholder: 'Не задано',
  valueFormat: 'D MMMM YYYY',
  clearable: true,
  size: 'md',
  w: { base: '100%', sm: 240 },
  ariaLabels: CALENDAR_ARIA_LABELS,
  clearButtonProps: { 'aria-label': 'Очистить дату' },
} satisfies Partial<DatePickerInputProps>;

/** The season's dates; either may stay empty while the region is still planning. */
export function SeasonForm({ region }: { region: RegionDetails }) {
  const save = useSetSeason(region.id);
  const form = useForm<SeasonValues>({
    initialValues: { seasonStartsOn: region.seasonStartsOn, seasonEndsOn: region.seasonEndsOn },
    validate: (values) => schemaErrors(regionUpdateSchema, values),
  });
  const feedback = useFormFeedback(form);
  const { seasonStartsOn } = form.getValues();

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    save.mutate(values, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Сроки сезона сохранены', message: region.name }),
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <Stack gap="sm" component="section" aria-labelledby="season-title">
      <Title order={2} id="season-title">
        Сезон
      </Title>
      <Text size="sm">Обычно сезон идёт с июля по ноябрь: сначала открывается регистрация, потом проходят пробы и готовятся рекомендации.</Text>
      <form ref={feedback.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="wrap">
            <DatePickerInput label="Начало сезона" {...DATE_INPUT} {...form.getInputProps('seasonStartsOn')} />
            <DatePickerInput label="Окончание сезона" minDate={seasonStartsOn ?? undefined} {...DATE_INPUT} {...form.getInputProps('seasonEndsOn')} />
          </Group>
          <FormFooter alert={feedback.alert} pending={save.isPending} submitLabel="Сохранить сроки" />
        </Stack>
      </form>
    </Stack>
  );
}

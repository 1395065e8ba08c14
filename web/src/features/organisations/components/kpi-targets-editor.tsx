import { NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { kpiTargetsSchema } from '@common/schemas/organisations.js';
import type { KpiRow } from '@web/lib/components/kpi-chart';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useSetKpiTargets, type OrganisationCard } from '../api/organisations-api';

interface TargetValues {
  targets: Record<string, number | string>;
}

/** An empty input means "no target"; the whole set replaces the previous one. */
function payload(values: TargetValues) {
  return {
    targets: Object.fromEntries(
      Object.entries(values.targets)
        .filter(([, v]) => v !== '')
        .map(([metric, v]) => [metric, typeof v === 'number' ? v : Number(v)]),
    ),
  };
}

const initialTargets = (kpi: KpiRow[]) => Object.fromEntries(kpi.map((k) => [k.metric, k.target ?? ''])) as Record<string, number | string>;

/** The coordinator sets the season's targets of one school or venue. */
export function KpiTargetsEditor({ card, onDone }: { card: OrganisationCard; onDone: () => void }) {
  const save = useSetKpiTargets(card.kind, card.id);
  const form = useForm<TargetValues>({
    initialValues: { targets: initialTargets(card.kpi) },
    validate: (values) => schemaErrors(kpiTargetsSchema, payload(values)),
  });
  const feedback = useFormFeedback(form, (field) => (field.startsWith('targets.') && Object.hasOwn(form.getValues().targets, field.slice(8)) ? field : null));

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    save.mutate(payload(values).targets, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Цели сохранены', message: card.name });
        onDone();
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">Оставьте поле пустым, если цели по этому показателю нет.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {card.kpi.map((k) => (
            <NumberInput
              key={k.metric}
              label={k.label}
              description={k.reached === null ? 'Пока не считается' : `Сейчас: ${k.reached}`}
              min={0}
              max={1_000_000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              size="md"
              {...form.getInputProps(`targets.${k.metric}`)}
            />
          ))}
        </SimpleGrid>
        <FormFooter alert={feedback.alert} pending={save.isPending} submitLabel="Сохранить цели" onCancel={onDone} />
      </Stack>
    </form>
  );
}

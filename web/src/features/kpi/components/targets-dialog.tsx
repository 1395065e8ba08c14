import { NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { lowerIsBetter, type KpiMetricCode } from '@common/kpi.js';
import { kpiTargetsInputSchema, type KpiFigure, type KpiScopeRef, type KpiTargetsInput } from '@common/schemas/kpi.js';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { formatKpiValue, kpiMetric } from '@web/lib/kpi';
import { useSaveTargets } from '../api/kpi-api';

export type TargetLevel = KpiTargetsInput['level'];
const TARGET_LEVELS: readonly string[] = ['region', 'school', 'venue', 'navigator'] satisfies TargetLevel[];

/** Only a region, a school, a venue or a navigator has targets; anything else has no dialog. */
export const isTargetScope = (ref: KpiScopeRef | null): ref is KpiScopeRef & { level: TargetLevel; id: string } =>
  ref !== null && ref.id !== null && TARGET_LEVELS.includes(ref.level);

interface Values {
  targets: Record<string, number | string>;
}

const isShare = (metric: KpiMetricCode) => kpiMetric(metric).unit === 'share';

/** Shares are typed in per cent and stored as 0..1; an empty field removes the target. */
function payload(values: Values, scope: KpiScopeRef & { level: TargetLevel; id: string }, season: number): KpiTargetsInput {
  const targets: KpiTargetsInput['targets'] = {};
  for (const [metric, raw] of Object.entries(values.targets) as Array<[KpiMetricCode, number | string]>) {
    if (raw === '') targets[metric] = null;
    else {
      const value = typeof raw === 'number' ? raw : Number(raw);
      targets[metric] = isShare(metric) ? Math.round(value * 100) / 10_000 : value;
    }
  }
  return { season, level: scope.level, id: scope.id, targets };
}

function initialValue(figure: KpiFigure): number | string {
  if (figure.target === null) return '';
  return isShare(figure.metric) ? Math.round(figure.target * 10_000) / 100 : figure.target;
}

function validate(values: Values, scope: KpiScopeRef & { level: TargetLevel; id: string }, season: number) {
  const errors = schemaErrors(kpiTargetsInputSchema, payload(values, scope, season));
  for (const [metric, raw] of Object.entries(values.targets) as Array<[KpiMetricCode, number | string]>) {
    if (raw !== '' && isShare(metric) && Number(raw) > 100) errors[`targets.${metric}`] ??= 'Доля не может быть больше 100 %';
  }
  return errors;
}

function unitHint(metric: KpiMetricCode): string {
  const { unit } = kpiMetric(metric);
  if (unit === 'share') return 'В процентах, от 0 до 100';
  if (unit === 'hours') return 'В часах';
  if (unit === 'ratio') return 'Среднее, можно с дробной частью';
  return 'Целое число';
}

interface Props {
  scope: KpiScopeRef & { level: TargetLevel; id: string };
  season: { id: number; name: string };
  figures: KpiFigure[];
  opened: boolean;
  onClose: () => void;
}

/** The season's targets of one scope: a number per figure, an empty field for «no target». */
export function TargetsDialog(props: Props) {
  return (
    <FormDialog opened={props.opened} onClose={props.onClose} title={`Цели: ${props.scope.name}`}>
      {props.opened && <TargetsForm {...props} />}
    </FormDialog>
  );
}

function TargetsForm({ scope, season, figures, onClose }: Props) {
  const save = useSaveTargets();
  const form = useForm<Values>({
    initialValues: { targets: Object.fromEntries(figures.map((f) => [f.metric, initialValue(f)])) },
    validate: (values) => validate(values, scope, season.id),
  });
  const feedback = useFormFeedback(form, (field) => (field.startsWith('targets.') && Object.hasOwn(form.getValues().targets, field.slice(8)) ? field : null));

  // For a figure where lower is better the number typed is a ceiling, which the form says.
  const ceilings = figures.filter((f) => lowerIsBetter(f.metric)).map((f) => kpiMetric(f.metric).name);

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    save.mutate(payload(values, scope, season.id), {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Цели сохранены', message: scope.name });
        onClose();
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{`Сезон ${season.name}. Оставьте поле пустым, если цели по показателю нет.`}</Text>
        {ceilings.length > 0 && <Text size="sm">{`${ceilings.join(', ')}: цель — предел, выше которого подниматься не должно.`}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {figures.map((f) => {
            const metric = kpiMetric(f.metric);
            return (
              <NumberInput
                key={f.metric}
                label={metric.unit === 'share' ? `${metric.name}, %` : metric.name}
                description={`${unitHint(f.metric)}. Сейчас: ${formatKpiValue(metric.unit, f.value)}`}
                min={0}
                max={metric.unit === 'share' ? 100 : 100_000_000}
                allowNegative={false}
                allowDecimal={metric.unit !== 'count'}
                decimalScale={metric.unit === 'count' ? 0 : 2}
                decimalSeparator=","
                clampBehavior="none"
                hideControls
                {...form.getInputProps(`targets.${f.metric}`)}
              />
            );
          })}
        </SimpleGrid>
        <FormFooter alert={feedback.alert} pending={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

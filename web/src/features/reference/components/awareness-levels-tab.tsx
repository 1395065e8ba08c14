import { Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { REFERENCE_LIMITS, awarenessLevelsUpdateSchema, type AwarenessLevelInput } from '@common/schemas/reference.js';
import { FormAlert, LoadError, PageLoader } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useAwarenessLevels, useSaveAwarenessLevels, type AwarenessLevel } from '../api/reference-api';

interface LevelValues {
  key: string;
  /** A saved level's row; its code is then fixed. */
  id: number | null;
  code: string;
  name: string;
  minScore: number | string;
  maxScore: number | string;
  pupilText: string;
  parentText: string;
}

interface Values {
  levels: LevelValues[];
}

const toValues = (levels: AwarenessLevel[]): Values => ({ levels: levels.map((l) => ({ key: randomId(), ...l })) });

const score = (v: number | string) => (v === '' ? undefined : Number(v));

/** The request body in the shape of the shared schema; an empty bound stays empty so the schema names it. */
function payload(values: Values) {
  return {
    levels: values.levels.map(({ key: _key, id, minScore, maxScore, ...level }) => ({
      ...(id === null ? {} : { id }),
      ...level,
      minScore: score(minScore),
      maxScore: score(maxScore),
    })),
  };
}

const SERVER_FIELDS = /^levels(\.\d+\.(code|name|minScore|maxScore|pupilText|parentText))?$/;

function LevelFields({ form, index, count }: { form: UseFormReturnType<Values>; index: number; count: number }) {
  const level = form.values.levels[index]!;
  const saved = level.id !== null;
  return (
    <Fieldset legend={`Уровень ${index + 1}${level.name.trim() ? ` «${level.name.trim()}»` : ''}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Название" maxLength={REFERENCE_LIMITS.name} {...form.getInputProps(`levels.${index}.name`)} />
          <TextInput
            label="Код"
            description={saved ? 'Код сохранённого уровня не меняется' : 'Латиница, цифры и дефис. Потом его не изменить'}
            maxLength={REFERENCE_LIMITS.code}
            readOnly={saved}
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps(`levels.${index}.code`)}
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NumberInput
            label="От, баллов"
            min={REFERENCE_LIMITS.minScore}
            max={REFERENCE_LIMITS.maxScore}
            allowDecimal={false}
            allowNegative={false}
            w="9rem"
            {...form.getInputProps(`levels.${index}.minScore`)}
          />
          <NumberInput
            label="До, баллов"
            description="Включительно"
            min={REFERENCE_LIMITS.minScore}
            max={REFERENCE_LIMITS.maxScore}
            allowDecimal={false}
            allowNegative={false}
            w="9rem"
            {...form.getInputProps(`levels.${index}.maxScore`)}
          />
        </Group>
        <Textarea
          label="Текст для школьника"
          rows={3}
          maxLength={REFERENCE_LIMITS.text}
          {...form.getInputProps(`levels.${index}.pupilText`)}
        />
        <Textarea
          label="Текст для родителя"
          rows={3}
          maxLength={REFERENCE_LIMITS.text}
          {...form.getInputProps(`levels.${index}.parentText`)}
        />
        {count > REFERENCE_LIMITS.minLevels && (
          <Group>
            <Button variant="subtle" color="red.9" onClick={() => form.removeListItem('levels', index)}>
              {`Удалить уровень ${index + 1}`}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

/**
 * The clusters a pupil's awareness score falls into, edited as one list: the bounds only make sense
 * together. The page checks for gaps and overlaps before sending, the server checks again.
 */
function AwarenessLevelsForm({ levels }: { levels: AwarenessLevel[] }) {
  const save = useSaveAwarenessLevels();
  const form = useForm<Values>({
    initialValues: toValues(levels),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(awarenessLevelsUpdateSchema, payload(values)),
  });
  const feedback = useFormFeedback(form, (field) => (SERVER_FIELDS.test(field) ? field : null));

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const parsed = awarenessLevelsUpdateSchema.safeParse(payload(values));
    if (!parsed.success) return;
    save.mutate(parsed.data.levels satisfies AwarenessLevelInput[], {
      onSuccess: (result) => {
        // The saved list, now with the new levels' ids, becomes what the form starts from.
        const next = toValues(result.levels);
        form.setInitialValues(next);
        form.setValues(next);
        notifications.show({ color: 'green', title: 'Уровни сохранены', message: `Уровней: ${result.levels.length}` });
      },
      onError: feedback.onError,
    });
  }, feedback.onInvalid);

  const addLevel = () => {
    form.insertListItem('levels', { key: randomId(), id: null, code: '', name: '', minScore: '', maxScore: '', pupilText: '', parentText: '' });
  };

  const count = form.values.levels.length;
  const listError = typeof form.errors.levels === 'string' ? form.errors.levels : null;

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {`Уровни делят средний балл осведомлённости школьника (от ${REFERENCE_LIMITS.minScore} до ${REFERENCE_LIMITS.maxScore}) без разрывов и пересечений: каждый следующий начинается на балл выше, чем закончился предыдущий. Уровней — от ${REFERENCE_LIMITS.minLevels} до ${REFERENCE_LIMITS.maxLevels}. Уровень, убранный из списка, удалится при сохранении.`}
        </Text>
        {form.values.levels.map((level, index) => (
          <LevelFields key={level.key} form={form} index={index} count={count} />
        ))}
        {listError && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {listError}
          </Text>
        )}
        {count < REFERENCE_LIMITS.maxLevels && (
          <Group>
            <Button variant="outline" onClick={addLevel}>
              Добавить уровень
            </Button>
          </Group>
        )}
        <FormAlert message={feedback.alert} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Сохранить уровни
          </Button>
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            Вернуть как было
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AwarenessLevelsTab() {
  const levels = useAwarenessLevels();
  if (levels.isPending) return <PageLoader />;
  if (levels.isError) return <LoadError error={levels.error} onRetry={() => void levels.refetch()} />;
  return <AwarenessLevelsForm levels={levels.data} />;
}

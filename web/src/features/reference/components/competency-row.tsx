import { useState } from 'react';
import { Button, Code, Group, Stack, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { REFERENCE_LIMITS, competencyUpdateSchema, type CompetencyUpdate } from '@common/schemas/reference.js';
import type { Competency, Sphere } from '@web/lib/competencies';
import { ListSelect } from '@web/lib/components/list-select';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useUpdateCompetency } from '../api/reference-api';

interface Props {
  competency: Competency;
  sphere: Sphere;
  spheres: Sphere[];
}

/** Only what differs goes to the server, so the audit records a real change and an untouched form sends nothing. */
function changes(competency: Competency, sphereId: number, values: { name: string; sphereId: string | null }): CompetencyUpdate {
  const change: CompetencyUpdate = {};
  if (values.name.trim() !== competency.name) change.name = values.name;
  if (values.sphereId !== null && Number(values.sphereId) !== sphereId) change.sphereId = Number(values.sphereId);
  return change;
}

function CompetencyEditForm({ competency, sphere, spheres, onDone }: Props & { onDone: () => void }) {
  const update = useUpdateCompetency();
  const form = useForm({
    initialValues: { name: competency.name, sphereId: String(sphere.id) as string | null },
    validate: (values) => schemaErrors(competencyUpdateSchema, { name: values.name, sphereId: values.sphereId ? Number(values.sphereId) : undefined }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const change = changes(competency, sphere.id, values);
    if (Object.keys(change).length === 0) return onDone();
    update.mutate(
      { id: competency.id, ...change },
      {
        onSuccess: () => {
          const moved = change.sphereId !== undefined ? spheres.find((s) => s.id === change.sphereId) : undefined;
          notifications.show({ color: 'green', title: 'Компетенция сохранена', message: moved ? `Перенесена в сферу «${moved.name}»` : values.name.trim() });
          onDone();
        },
        onError: feedback.onError,
      },
    );
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput label="Название компетенции" maxLength={REFERENCE_LIMITS.name} style={{ flex: '1 1 16rem' }} {...form.getInputProps('name')} />
          <ListSelect
            label="Сфера"
            allowDeselect={false}
            searchable
            style={{ flex: '1 1 14rem' }}
            data={spheres.map((s) => ({ value: String(s.id), label: s.name }))}
            {...form.getInputProps('sphereId')}
          />
        </Group>
        <FormFooter alert={feedback.alert} pending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** A competency of the sphere; in edit it can be renamed or moved to another sphere, its code stays. */
export function CompetencyRow(props: Props) {
  const { competency } = props;
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={3}>
          <CompetencyEditForm {...props} onDone={() => setEditing(false)} />
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>{competency.name}</Table.Td>
      <Table.Td>
        <Code>{competency.code}</Code>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" onClick={() => setEditing(true)}>
          Изменить
          <VisuallyHidden>{` ${competency.name}`}</VisuallyHidden>
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

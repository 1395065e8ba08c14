import { useState } from 'react';
import { Button, Card, Code, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { REFERENCE_LIMITS, softSkillUpdateSchema, type SoftSkillUpdate } from '@common/schemas/reference.js';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useSoftSkills, useUpdateSoftSkill, type SoftSkill } from '../api/reference-api';

function SoftSkillForm({ skill, onDone }: { skill: SoftSkill; onDone: () => void }) {
  const update = useUpdateSoftSkill();
  const form = useForm({
    initialValues: { name: skill.name, description: skill.description },
    validate: (values) => schemaErrors(softSkillUpdateSchema, values),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    // Only what differs is sent, so the audit names a real change.
    const change: SoftSkillUpdate = {};
    if (values.name.trim() !== skill.name) change.name = values.name;
    if (values.description.trim() !== skill.description) change.description = values.description;
    if (Object.keys(change).length === 0) return onDone();
    update.mutate(
      { id: skill.id, ...change },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Навык сохранён', message: values.name.trim() });
          onDone();
        },
        onError: feedback.onError,
      },
    );
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput label="Название навыка" maxLength={REFERENCE_LIMITS.name} {...form.getInputProps('name')} />
        <Textarea
          label="Описание"
          description={`Его видят школьник и родитель рядом с результатом, до ${REFERENCE_LIMITS.text} символов`}
          rows={3}
          maxLength={REFERENCE_LIMITS.text}
          {...form.getInputProps('description')}
        />
        <FormFooter alert={feedback.alert} pending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function SoftSkillCard({ skill }: { skill: SoftSkill }) {
  const [editing, setEditing] = useState(false);
  const titleId = `soft-skill-${skill.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={titleId}>
            {skill.name}
          </Title>
          <Code>{skill.code}</Code>
        </Group>
        {editing ? (
          <SoftSkillForm skill={skill} onDone={() => setEditing(false)} />
        ) : (
          <>
            <Text size="sm">{skill.description}</Text>
            <Group>
              <Button size="xs" variant="light" onClick={() => setEditing(true)} aria-label={`Изменить навык «${skill.name}»`}>
                Изменить
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The ten soft skills of the footprint: their names and the descriptions pupils and parents read. */
export function SoftSkillsTab() {
  const skills = useSoftSkills();
  if (skills.isPending) return <PageLoader />;
  if (skills.isError) return <LoadError error={skills.error} onRetry={() => void skills.refetch()} />;
  return (
    <Stack gap="md">
      <Text size="sm">Навыки измеряют тесты и игры; их код связывает навык с тестами и не меняется.</Text>
      {skills.data.map((skill) => (
        <SoftSkillCard key={skill.id} skill={skill} />
      ))}
    </Stack>
  );
}

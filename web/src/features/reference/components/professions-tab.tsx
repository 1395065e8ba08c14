import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS, type EducationLevel, type ProfessionView } from '@common/guidance.js';
import { PROFESSION_LIMITS, professionInputSchema, professionUpdateSchema } from '@common/schemas/opportunities.js';
import { CompetencySelect } from '@web/lib/components/competency-select';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormFooter } from '@web/lib/components/form-footer';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { useAddProfession, useProfessions, useUpdateProfession } from '../api/reference-api';

interface Values {
  code: string;
  name: string;
  description: string;
  education: EducationLevel[];
  programmes: string;
  competencyIds: string[];
}

const valuesOf = (p: ProfessionView | null): Values => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  description: p?.description ?? '',
  education: p?.education ?? [],
  programmes: (p?.programmes ?? []).join('\n'),
  competencyIds: (p?.competencies ?? []).map((c) => String(c.id)),
});

const bodyOf = (v: Values) => ({
  code: v.code,
  name: v.name,
  description: v.description,
  education: v.education,
  programmes: v.programmes.split('\n').map((line) => line.trim()).filter(Boolean),
  competencyIds: v.competencyIds.map(Number),
});

const EDUCATION_SHORT: Record<EducationLevel, string> = { spo: 'Колледж', vo: 'Вуз' };

const fieldFor = (path: string) => path.split('.')[0]!;

/** Adds a profession, or edits one; the code is given once and never changes. */
function ProfessionForm({ profession, onDone }: { profession: ProfessionView | null; onDone: () => void }) {
  const add = useAddProfession();
  const update = useUpdateProfession();
  const save = profession ? update : add;
  const form = useForm<Values>({
    initialValues: valuesOf(profession),
    validate: (v) => {
      const { code: _code, ...rest } = bodyOf(v);
      return profession ? schemaErrors(professionUpdateSchema, rest, fieldFor) : schemaErrors(professionInputSchema, bodyOf(v), fieldFor);
    },
  });
  const feedback = useFormFeedback(form, (field) => (Object.hasOwn(form.getValues(), fieldFor(field)) ? fieldFor(field) : null));
  const submit = form.onSubmit((v) => {
    const { code, ...rest } = bodyOf(v);
    const done = { onSuccess: onDone, onError: feedback.onError };
    if (profession) update.mutate({ id: profession.id, ...rest }, done);
    else add.mutate({ code, ...rest }, done);
  }, feedback.onInvalid);
  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Код" description="Латиницей через дефис, например web-developer; потом его не изменить" required disabled={profession !== null} {...form.getInputProps('code')} />
        <TextInput label="Название" required maxLength={PROFESSION_LIMITS.name} {...form.getInputProps('name')} />
        <Textarea label="Описание" description="Одно-два предложения своими словами" required rows={3} maxLength={PROFESSION_LIMITS.description} {...form.getInputProps('description')} />
        <Checkbox.Group label="Где учат" required {...form.getInputProps('education')}>
          <Group mt={4}>
            {EDUCATION_LEVELS.map((level) => (
              <Checkbox key={level} value={level} label={EDUCATION_LEVEL_LABELS[level]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label="Программы обучения" description="Каждая с новой строки: «09.02.07 — Информационные системы и программирование»" required rows={3} {...form.getInputProps('programmes')} />
        <CompetencySelect required {...form.getInputProps('competencyIds')} />
        <FormFooter alert={feedback.alert} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The professions reference list: recommendations offer these to pupils by their competencies. */
export function ProfessionsTab() {
  const professions = useProfessions();
  const [editing, setEditing] = useState<ProfessionView | 'new' | null>(null);
  if (professions.isError) return <LoadError error={professions.error} onRetry={() => void professions.refetch()} />;
  if (!professions.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <Text>Профессии, которые система предлагает школьникам по их компетенциям. Всего: {professions.data.length}.</Text>
      <Group>
        <Button onClick={() => setEditing('new')}>Добавить профессию</Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Профессии">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Профессия</Table.Th>
              <Table.Th>Компетенции</Table.Th>
              <Table.Th>Где учат</Table.Th>
              <Table.Th>
                <VisuallyHidden>Действия</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {professions.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="sm">{p.programmes.join('; ')}</Text>
                </Table.Td>
                <Table.Td>{p.competencies.map((c) => c.name).join(', ')}</Table.Td>
                <Table.Td>{p.education.map((e) => EDUCATION_SHORT[e]).join(', ')}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="xs" onClick={() => setEditing(p)} aria-label={`Изменить: ${p.name}`}>
                    Изменить
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormDialog opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Новая профессия' : 'Профессия'}>
        {editing !== null && <ProfessionForm profession={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}

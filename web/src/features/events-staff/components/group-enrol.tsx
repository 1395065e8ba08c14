import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ELIGIBILITY_TEXTS } from '@common/events.js';
import { groupEnrolSchema, type GroupEnrolResult, type StaffEventDetail } from '@common/schemas/events.js';
import { FormAlert, LoadError, PageLoader } from '@web/lib/components/page';
import { errorMessage } from '@web/lib/api-client';
import { fullName, plural } from '@web/lib/format';
import { useAssignedPupils, useGroupEnrol } from '../api/events-staff-api';

type Outcome = GroupEnrolResult['results'][number];

function OutcomeCell({ result }: { result: Outcome }) {
  if (result.outcome === 'enrolled') {
    return (
      <Badge color="green.9" variant="light" tt="none">
        Записан, ждёт согласия родителя
      </Badge>
    );
  }
  if (result.outcome === 'already') {
    return (
      <Badge color="gray.8" variant="light" tt="none">
        Уже записан
      </Badge>
    );
  }
  const text = result.condition ? ELIGIBILITY_TEXTS[result.condition] : null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} c="red.9">
        {text?.failed ?? result.message ?? 'Не получилось записать'}
      </Text>
      {text && <Text size="sm">{`Что сделать: ${text.remedy}`}</Text>}
    </Stack>
  );
}

function Results({ result, onAgain }: { result: GroupEnrolResult; onAgain: () => void }) {
  const enrolled = result.results.filter((r) => r.outcome === 'enrolled').length;
  return (
    <Stack gap="sm">
      <Text fw={600} aria-live="polite">
        {`Записано: ${enrolled} из ${result.results.length}`}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>Результат записи группы</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ученик</Table.Th>
              <Table.Th>Результат</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.results.map((r) => (
              <Table.Tr key={r.participantId}>
                <Table.Td fw={600}>{r.name}</Table.Td>
                <Table.Td>
                  <OutcomeCell result={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="outline" onClick={onAgain}>
          Записать ещё учеников
        </Button>
      </Group>
    </Stack>
  );
}

/** The navigator picks its pupils and enrols them at once; each gets its own answer. */
export function GroupEnrol({ event }: { event: StaffEventDetail }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 350);
  const pupils = useAssignedPupils(q);
  const enrol = useGroupEnrol(event.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [alert, setAlert] = useState<string | null>(null);
  const [result, setResult] = useState<GroupEnrolResult | null>(null);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => {
    setAlert(null);
    const parsed = groupEnrolSchema.safeParse({ participantIds: [...selected] });
    if (!parsed.success) {
      setAlert(parsed.error.issues[0]?.message ?? null);
      return;
    }
    enrol.mutate(parsed.data.participantIds, {
      onSuccess: (answer) => {
        setResult(answer);
        setSelected(new Set());
      },
      onError: (e) => setAlert(errorMessage(e)),
    });
  };

  const items = pupils.data?.items ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-enrol-title">
      <Stack gap="sm">
        <Title order={2} id="group-enrol-title">
          Записать группу
        </Title>
        {result ? (
          <Results result={result} onAgain={() => setResult(null)} />
        ) : (
          <>
            <Text size="sm">
              {`Отметьте своих учеников ${event.gradeFrom}–${event.gradeTo} классов. Каждого запишем отдельно: родители получат просьбу подтвердить участие, а тем, кого записать нельзя, покажем причину и что сделать.`}
            </Text>
            <TextInput label="Поиск по фамилии или имени" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
            {pupils.isPending && <PageLoader />}
            {pupils.isError && <LoadError error={pupils.error} onRetry={() => void pupils.refetch()} />}
            {pupils.data && items.length === 0 && <Text c="dimmed">{q ? 'Никого не нашлось.' : 'Вам пока не поручили учеников.'}</Text>}
            {items.length > 0 && (
              <ScrollArea.Autosize mah={360} type="auto">
                <Stack gap="xs" role="group" aria-label="Ваши ученики">
                  {items.map((p) => {
                    const fits = p.grade >= event.gradeFrom && p.grade <= event.gradeTo;
                    return (
                      <Checkbox
                        key={p.id}
                        checked={selected.has(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                        label={`${fullName(p)}, ${p.grade} класс`}
                        description={fits ? undefined : 'Класс не подходит для этого мероприятия'}
                      />
                    );
                  })}
                </Stack>
              </ScrollArea.Autosize>
            )}
            {pupils.data?.nextCursor && (
              <Text size="sm" c="dimmed">{`Показаны первые ${items.length} — уточните поиск.`}</Text>
            )}
            <FormAlert message={alert} />
            <Group>
              <Button onClick={submit} loading={enrol.isPending} disabled={selected.size === 0}>
                {selected.size > 0 ? `Записать ${selected.size} ${plural(selected.size, ['ученика', 'учеников', 'учеников'])}` : 'Записать'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

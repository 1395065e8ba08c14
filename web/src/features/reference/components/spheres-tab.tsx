import { useState } from 'react';
import { Accordion, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REFERENCE_LIMITS, sphereUpdateSchema } from '@common/schemas/reference.js';
import { useCompetencies, type Sphere } from '@web/lib/competencies';
import { NameForm } from '@web/lib/components/name-form';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { plural } from '@web/lib/format';
import { useRenameSphere } from '../api/reference-api';
import { AddCompetencyForm } from './add-competency-form';
import { CompetencyRow } from './competency-row';

function SphereName({ sphere }: { sphere: Sphere }) {
  const [editing, setEditing] = useState(false);
  const rename = useRenameSphere();
  if (editing) {
    return (
      <NameForm
        label="Название сферы"
        initial={sphere.name}
        schema={sphereUpdateSchema}
        maxLength={REFERENCE_LIMITS.name}
        pending={rename.isPending}
        onCancel={() => setEditing(false)}
        onSave={async (name) => {
          await rename.mutateAsync({ id: sphere.id, name });
          notifications.show({ color: 'green', title: 'Сфера переименована', message: name });
          setEditing(false);
        }}
      />
    );
  }
  return (
    <Group gap="sm" wrap="wrap">
      <Text>
        Код сферы: <Code>{sphere.code}</Code>
      </Text>
      <Button size="xs" variant="light" onClick={() => setEditing(true)}>
        Переименовать сферу
      </Button>
    </Group>
  );
}

function SpherePanel({ sphere, spheres }: { sphere: Sphere; spheres: Sphere[] }) {
  return (
    <Stack gap="md">
      <SphereName sphere={sphere} />
      {sphere.competencies.length === 0 ? (
        <Text c="dimmed">В этой сфере пока нет компетенций.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{`Компетенции сферы «${sphere.name}»: ${sphere.competencies.length}`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Название</Table.Th>
                <Table.Th>Код</Table.Th>
                <Table.Th>Действия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sphere.competencies.map((c) => (
                <CompetencyRow key={c.id} competency={c} sphere={sphere} spheres={spheres} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddCompetencyForm sphere={sphere} />
    </Stack>
  );
}

/** The 15 spheres, each opening onto its competencies: rename, add, move a competency to another sphere. */
export function SpheresTab() {
  const spheres = useCompetencies();
  if (spheres.isPending) return <PageLoader />;
  if (spheres.isError) return <LoadError error={spheres.error} onRetry={() => void spheres.refetch()} />;
  return (
    <Stack gap="md">
      <Text size="sm">
        Сферы и компетенции видят школьники в цифровом следе, площадки — в своей карточке, наставники — в профиле. Коды связывают справочник
        с тестами, поэтому их нельзя изменить: меняются только названия и сфера компетенции.
      </Text>
      <Accordion multiple variant="separated" chevronPosition="left">
        {spheres.data.map((sphere) => (
          <Accordion.Item key={sphere.id} value={String(sphere.id)}>
            <Accordion.Control>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Text fw={600}>{sphere.name}</Text>
                <Badge variant="light" color="gray" tt="none">
                  {`${sphere.competencies.length} ${plural(sphere.competencies.length, ['компетенция', 'компетенции', 'компетенций'])}`}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SpherePanel sphere={sphere} spheres={spheres.data} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

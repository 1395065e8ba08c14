import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { ChildEventsBlock } from '@web/lib/pupil-events/child-events-block';
import { MissingSteps } from '@web/lib/components/missing-steps';
import { CorrectionRequest } from '@web/lib/components/correction-request';
import { DataRightsSection } from '@web/lib/components/data-rights-section';
import { PersonalDataSection } from '@web/lib/components/personal-data-section';
import { formatAge, fullName } from '@web/lib/format';
import { parentCabinetKey, type ParentChild } from '@web/lib/parent-cabinet';
import { ChildPaperConsents } from './child-paper-consents';
import { ConsentsSection } from './consents-section';
import { RepresentativeKindSelect } from './representative-kind';

export function ChildCard({ child }: { child: ParentChild }) {
  const [showData, setShowData] = useState(false);
  const dataId = useId();
  const titleId = `child-${child.id}`;
  const facts = [
    child.age !== null ? formatAge(child.age) : null,
    `${child.grade} класс`,
    child.school,
    child.city,
  ].filter(Boolean);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={3} id={titleId}>
            {fullName(child)}
          </Title>
          <Text>{facts.join(' · ')}</Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            Почта: {child.email}
          </Text>
          <RepresentativeKindSelect child={child} />
        </Stack>

        <Stack gap="xs">
          <Title order={4}>Что осталось сделать</Title>
          {child.missing.length === 0 ? (
            <Alert color="green" role="status" title="Всё готово">
              Ребёнок может участвовать в мероприятиях программы.
            </Alert>
          ) : (
            <MissingSteps steps={child.missing} viewer="parent" />
          )}
        </Stack>

        <ChildEventsBlock childId={child.id} childName={fullName(child)} />

        <Stack gap="xs">
          <Title order={4}>Согласия</Title>
          <ConsentsSection child={child} />
        </Stack>

        <Stack gap="xs">
          <Title order={4}>Сканы бумажных согласий</Title>
          <ChildPaperConsents childId={child.id} />
        </Stack>

        <Stack gap="xs">
          <Title order={4}>Диагностика</Title>
          <Text>Тесты и игры, которые прошёл ребёнок, и его цифровой след.</Text>
          <Group>
            <Button component={Link} to={`/parent/children/${child.id}/diagnostics`} variant="light" aria-label={`Результаты диагностики: ${fullName(child)}`}>
              Результаты диагностики
            </Button>
          </Group>
        </Stack>

        <Stack gap="xs">
          <Title order={4}>Рекомендации и план</Title>
          <Text>Что ребёнку стоит попробовать дальше и его индивидуальный план от педагога-навигатора.</Text>
          <Group>
            <Button component={Link} to={`/parent/children/${child.id}/recommendations`} variant="light" aria-label={`Рекомендации: ${fullName(child)}`}>
              Рекомендации
            </Button>
            <Button component={Link} to={`/parent/children/${child.id}/plan`} variant="light" aria-label={`Индивидуальный план: ${fullName(child)}`}>
              Индивидуальный план
            </Button>
          </Group>
        </Stack>

        <Stack gap="xs">
          <Title order={4}>Документы и здоровье</Title>
          <Group>
            <Button variant="light" onClick={() => setShowData((v) => !v)} aria-expanded={showData} aria-controls={dataId}>
              {showData ? 'Скрыть личные данные' : 'Личные данные ребёнка'}
            </Button>
          </Group>
          <Collapse expanded={showData} id={dataId} keepMounted={false}>
            <Stack gap="lg">
              <PersonalDataSection
                path={`/parent/children/${child.id}/personal-data`}
                subject="child"
                birthDate={child.birthDate}
                snilsMasked={null}
                hasOvz={child.hasOvz}
                cabinetKey={parentCabinetKey}
                headingOrder={5}
              />
              <CorrectionRequest pupilId={child.id} viewer="parent" headingOrder={5} />
            </Stack>
          </Collapse>
        </Stack>

        <DataRightsSection subjectId={child.id} audience="parent" headingOrder={4} />
      </Stack>
    </Card>
  );
}

import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { ELIGIBILITY_TEXTS } from '@common/events.js';
import type { MissingStep } from '@common/participation.js';

interface Props {
  steps: MissingStep[];
  /** Whose cabinet this is: "you" is the pupil in one and the parent in the other. */
  viewer: 'participant' | 'parent';
}

function whoLabel(who: MissingStep['who'], viewer: Props['viewer']): string {
  // Pupils are addressed with «ты», parents with «вы» (docs/voice.md).
  if (who === viewer) return viewer === 'participant' ? 'Ты' : 'Вы';
  return who === 'parent' ? 'Родитель' : 'Ребёнок';
}

/** Each step says in words who has to do it; the colour only repeats that. */
export function MissingSteps({ steps, viewer }: Props) {
  return (
    <Stack gap="xs">
      <Text size="sm">Рядом с каждым шагом написано, кто его делает.</Text>
      <List spacing="sm" listStyleType="decimal" pl="md">
        {steps.map((step) => (
          <List.Item key={step.step}>
            <Group gap="xs" wrap="wrap" align="baseline">
              <Badge variant="light" color={step.who === viewer ? 'orange' : 'gray'} tt="none">
                {whoLabel(step.who, viewer)}
              </Badge>
              {viewer === 'participant' ? (
                <Text span>{step.message}</Text>
              ) : (
                // The parent reads the same words as on an event's enrolment checklist.
                <Text span>{`${ELIGIBILITY_TEXTS[step.step].failed}. ${ELIGIBILITY_TEXTS[step.step].remedy}.`}</Text>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

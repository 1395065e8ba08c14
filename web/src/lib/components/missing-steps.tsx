import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { MissingStep } from '@common/participation.js';

interface Props {
  steps: MissingStep[];
  /** Whose cabinet this is: "you" is the pupil in one and the parent in the other. */
  viewer: 'participant' | 'parent';
}

const PARENT_VIEW_TEXT: Record<MissingStep['step'], string> = {
  activation: 'Ребёнок должен подтвердить адрес почты по ссылке из письма',
  parent_link: 'Кабинет ребёнка нужно связать с кабинетом родителя',
  consent: 'Дайте согласие на обработку персональных данных — ниже, в разделе «Согласия»',
};

function whoLabel(who: MissingStep['who'], viewer: Props['viewer']): string {
  if (who === viewer) return 'Вы';
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
              <Text span>{viewer === 'participant' ? step.message : PARENT_VIEW_TEXT[step.step]}</Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

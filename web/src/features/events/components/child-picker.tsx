import { Group, Radio, Stack, Text } from '@mantine/core';
import type { ChildEligibility } from '@common/schemas/events.js';
import { ENROLMENT_STATUS_LABELS } from '@common/events.js';

/** With several children the parent first says whom to enrol; each card shows the name and the grade. */
export function ChildPicker({ items, value, onChange }: { items: ChildEligibility[]; value: string | null; onChange: (childId: string) => void }) {
  return (
    <Radio.Group value={value} onChange={onChange} label="Кого записать?" size="md">
      <Stack gap="sm" mt="xs">
        {items.map((child) => (
          <Radio.Card key={child.childId} value={child.childId} radius="md" p="md">
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator />
              <div>
                <Text fw={600}>{child.name}</Text>
                <Text size="sm">
                  {`${child.grade} класс`}
                  {child.enrolment ? ` · ${ENROLMENT_STATUS_LABELS[child.enrolment.status]}` : ''}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}

import { Badge, Group } from '@mantine/core';
import { WHOLE_LABEL } from '@web/lib/components/status-badge';
import type { ParticipantListItem } from '@common/schemas/participants.js';

/** What a pupil has done and still lacks, in words (colour only repeats them). */
export function ParticipantStatuses({ participant }: { participant: ParticipantListItem }) {
  const items = [
    { done: participant.activated, yes: 'Кабинет активирован', no: 'Кабинет не активирован' },
    { done: participant.parentLinked, yes: 'Родитель связан', no: 'Нет связи с родителем' },
    { done: participant.consentGiven, yes: 'Согласие есть', no: 'Нет согласия' },
    { done: participant.tested, yes: 'Прошёл тесты', no: 'Тестов ещё нет' },
  ];
  return (
    <Group gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.yes}>
          <Badge variant="light" color={item.done ? 'green.9' : 'gray.8'} tt="none" fw={500} styles={WHOLE_LABEL}>
            {item.done ? item.yes : item.no}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

import { List, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { ELIGIBILITY_TEXTS } from '@common/events.js';
import type { EligibilityCheck } from '@common/schemas/events.js';

/** Each condition of enrolment with ✓ or ✗; a failed one says what is wrong and what to do about it. */
export function EligibilityChecklist({ checks }: { checks: EligibilityCheck[] }) {
  return (
    <List spacing="sm" listStyleType="none" aria-label="Условия записи" styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
      {checks.map(({ condition, ok }) => {
        const text = ELIGIBILITY_TEXTS[condition];
        return (
          <List.Item
            key={condition}
            icon={
              <ThemeIcon color={ok ? 'green.9' : 'red.9'} size={24} radius="xl" aria-hidden>
                {ok ? '✓' : '✗'}
              </ThemeIcon>
            }
          >
            <VisuallyHidden>{ok ? 'Выполнено: ' : 'Не выполнено: '}</VisuallyHidden>
            {ok ? (
              <Text>{text.title}</Text>
            ) : (
              <Stack gap={2}>
                <Text fw={600}>{text.failed}</Text>
                <Text size="sm">{`Что сделать: ${text.remedy}`}</Text>
              </Stack>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

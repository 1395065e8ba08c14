import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';

/** The help centre's own sections, above each of its pages. */
export function HelpNav() {
  return (
    <Group component="nav" aria-label="Разделы справочного центра" gap="md" mb="md">
      <Anchor component={Link} to="/help">
        Справочный центр
      </Anchor>
      <Anchor component={Link} to="/help/faq">
        Частые вопросы
      </Anchor>
      <Anchor component={Link} to="/help/contacts">
        Контакты
      </Anchor>
    </Group>
  );
}

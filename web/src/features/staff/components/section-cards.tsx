import { Link } from 'react-router';
import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { Role } from '@common/roles.js';
import { sectionHint } from '../home-sections';
import { STAFF_NAV } from '../staff-nav';

/** The role's sections as cards with a line on each, so a newcomer knows where to start. */
export function SectionCards({ role }: { role: Role }) {
  const links = (STAFF_NAV[role] ?? []).filter((link) => link.to !== '/staff');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {links.map((link) => (
        <Card withBorder padding="md" component="li" key={link.to}>
          <Title order={3}>
            <Anchor component={Link} to={link.to}>
              {link.label}
            </Anchor>
          </Title>
          {sectionHint(role, link.to) && (
            <Text size="sm" mt={4}>
              {sectionHint(role, link.to)}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

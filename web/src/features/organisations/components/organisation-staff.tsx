import { Link } from 'react-router';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import { fullName } from '@web/lib/format';
import type { OrganisationCard } from '../api/organisations-api';
import { StaffActions } from './staff-actions';
import { StaffStatusBadge } from './status-badge';

/** Who works for the organisation, with a way to chase an invitation nobody answered. */
export function OrganisationStaff({ card, viewer }: { card: OrganisationCard; viewer: { id: string; role: Role } }) {
  const ownTeam = viewer.role === card.kind;
  return (
    <Stack gap="sm">
      {card.staff.length === 0 ? (
        <Text c="dimmed">Сотрудников пока нет.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{`Сотрудники: ${card.name}`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>ФИО и почта</Table.Th>
                <Table.Th>Роль</Table.Th>
                <Table.Th>Должность</Table.Th>
                <Table.Th>Статус</Table.Th>
                <Table.Th>Действия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.staff.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={600}>{fullName(s)}</Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {s.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ROLE_LABELS[s.role]}</Table.Td>
                  <Table.Td>{s.position ?? '—'}</Table.Td>
                  <Table.Td>
                    <StaffStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td>
                    <StaffActions member={s} viewer={viewer} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {ownTeam && (
        <Text size="sm">
          Пригласить нового сотрудника можно в разделе{' '}
          <Anchor component={Link} to="/staff/team">
            {card.kind === 'school' ? '«Навигаторы и сотрудники»' : '«Наставники и сотрудники»'}
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}

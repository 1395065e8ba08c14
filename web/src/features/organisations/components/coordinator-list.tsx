import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Role } from '@common/roles.js';
import { FormDialog } from '@web/lib/components/form-dialog';
import { fullName } from '@web/lib/format';
import type { RegionDetails } from '../api/regions-api';
import { InviteStaffForm } from './invite-staff-form';
import { StaffActions } from './staff-actions';
import { StaffStatusBadge } from './status-badge';

/** The region's coordinators; the issuer appoints them here by invitation and closes their access. */
export function CoordinatorList({ region, viewer }: { region: RegionDetails; viewer: { id: string; role: Role } }) {
  const [inviting, setInviting] = useState(false);
  const mayAppoint = viewer.role === 'issuer_admin';

  return (
    <Stack gap="sm" component="section" aria-labelledby="coordinators-title">
      <Group justify="space-between" gap="sm">
        <Title order={2} id="coordinators-title">
          Координаторы
        </Title>
        {mayAppoint && <Button onClick={() => setInviting(true)}>Пригласить координатора</Button>}
      </Group>
      {region.coordinatorList.length === 0 ? (
        <Text c="dimmed">У региона пока нет координатора: школы и площадки здесь некому зарегистрировать.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>Координаторы региона</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>ФИО</Table.Th>
                <Table.Th>Почта</Table.Th>
                <Table.Th>Статус</Table.Th>
                {mayAppoint && <Table.Th>Действия</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {region.coordinatorList.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{fullName(c)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.email}</Table.Td>
                  <Table.Td>
                    <StaffStatusBadge status={c.status} />
                  </Table.Td>
                  {mayAppoint && (
                    <Table.Td>
                      <StaffActions member={{ ...c, role: 'regional_coordinator' }} viewer={viewer} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormDialog opened={inviting} onClose={() => setInviting(false)} title={`Координатор: ${region.name}`}>
        <InviteStaffForm roles={['regional_coordinator']} regionId={region.id} onDone={() => setInviting(false)} />
      </FormDialog>
    </Stack>
  );
}

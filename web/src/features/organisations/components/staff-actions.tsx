import { useState } from 'react';
import { Button, Group, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Role } from '@common/roles.js';
import { errorMessage } from '@web/lib/api-client';
import { fullName } from '@web/lib/format';
import type { OrganisationStaffMember } from '../api/organisations-api';
import { useCloseAccess, useResendInvitation } from '../api/staff-api';
import { mayManageStaff } from '../labels';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';

/** Anyone listed on a card, in the team list or among a region's coordinators. */
type Member = Omit<OrganisationStaffMember, 'position'>;

const failed = (title: string) => (error: unknown) => notifications.show({ color: 'red', title, message: errorMessage(error) });

/**
 * What a manager can do to one staff member: send a lost invitation again, or close access. Each
 * button names the person for screen readers, since a list repeats the same buttons row after row.
 */
export function StaffActions({ member, viewer }: { member: Member; viewer: { id: string; role: Role } }) {
  const [confirming, setConfirming] = useState(false);
  const resend = useResendInvitation();
  const close = useCloseAccess();
  if (!mayManageStaff(viewer, member) || member.status === 'disabled') return null;
  const name = fullName(member);

  return (
    <Group gap="xs" wrap="wrap">
      {member.status === 'pending' && (
        <Button
          size="xs"
          variant="light"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(member.id, {
              onSuccess: () => notifications.show({ color: 'green', title: 'Приглашение отправлено ещё раз', message: member.email }),
              onError: failed('Не получилось отправить приглашение'),
            })
          }
        >
          Отправить приглашение ещё раз
          <VisuallyHidden>{`: ${name}`}</VisuallyHidden>
        </Button>
      )}
      <Button size="xs" variant="outline" color="red.9" onClick={() => setConfirming(true)}>
        Закрыть доступ
        <VisuallyHidden>{`: ${name}`}</VisuallyHidden>
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Закрыть доступ?"
        confirmLabel="Да, закрыть доступ"
        loading={close.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          close.mutate(member.id, {
            onSuccess: () => notifications.show({ title: 'Доступ закрыт', message: name }),
            onError: failed('Не получилось закрыть доступ'),
            onSettled: () => setConfirming(false),
          })
        }
      >
        {`${name} больше не сможет войти в кабинет, а открытые сеансы завершатся. Учётная запись и всё, что сделано, сохранятся.`}
      </ConfirmDialog>
    </Group>
  );
}

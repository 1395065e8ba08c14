import type { ReactNode } from 'react';
import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { errorMessage } from '../api-client';
import { useRenewInvitationLink } from '../invitations';

/** From an expired invitation: asks for a fresh link, which goes to the invited address only. */
export function RenewInvitationLink({ token, sent, variant }: { token: string; sent: ReactNode; variant?: ButtonProps['variant'] }) {
  const renew = useRenewInvitationLink(token);
  if (renew.isSuccess) return <>{sent}</>;
  return (
    <Stack gap="xs" align="flex-start">
      {renew.isError && (
        <Text c="red.9" role="alert">
          {errorMessage(renew.error)}
        </Text>
      )}
      <Button variant={variant} onClick={() => renew.mutate()} loading={renew.isPending}>
        Запросить новую ссылку
      </Button>
    </Stack>
  );
}

import { Navigate, useNavigate } from 'react-router';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession, useSignOut } from '@web/lib/session';
import { SUPPORT_EMAIL } from '@web/lib/site';

/** The gate of a suspended school or venue: nothing can be done in the cabinet, so say why and whom to ask. */
export function SuspendedPage() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const account = session.data;
  if (!account) return <PageLoader />;
  if (account.gate !== 'suspended') return <Navigate to="/staff" replace />;

  return (
    <Stack gap="md" maw={640} align="flex-start">
      <PageTitle>Работа организации приостановлена</PageTitle>
      <Text>
        Региональный координатор программы приостановил работу вашей организации в платформе. Пока приостановка действует, разделы
        кабинета закрыты для всех её сотрудников.
      </Text>
      <Text>Ничего не удалено: данные организации, сотрудников и участников сохранены и снова станут доступны, когда работу возобновят.</Text>
      <Text>
        Чтобы узнать причину и договориться о возобновлении, свяжитесь с региональным координатором программы в вашем регионе. Если не
        знаете, как с ним связаться, напишите в поддержку: <Anchor href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</Anchor>.
      </Text>
      <Button variant="outline" loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}>
        Выйти из кабинета
      </Button>
    </Stack>
  );
}

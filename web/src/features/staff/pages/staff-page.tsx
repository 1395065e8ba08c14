import { useNavigate } from 'react-router';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, type Role } from '../../../../../common/roles.js';
import { PageLoader, PageTitle } from '../../../lib/components/page';
import { useSession, useSignOut } from '../../../lib/session';

const ROLE_DUTIES: Partial<Record<Role, string[]>> = {
  issuer_admin: [
    'Ведёт программу по всей стране: регионы, их координаторов и общие справочники.',
    'Следит за сводной отчётностью и качеством данных.',
  ],
  regional_coordinator: [
    'Регистрирует школы и площадки своего региона.',
    'Согласует мероприятия площадок, прежде чем на них смогут записываться школьники.',
    'Следит, как идёт программа в регионе.',
  ],
  school: [
    'Помогает своим ученикам зарегистрироваться и связать кабинет с родителями.',
    'Назначает педагогов-навигаторов и видит, как ученики участвуют в программе.',
  ],
  venue: [
    'Колледж, вуз или предприятие, где проходят профессиональные пробы.',
    'Предлагает мероприятия, назначает наставников и принимает записи школьников.',
  ],
  mentor: [
    'Проводит профессиональные пробы на площадке: показывает профессию в деле.',
    'Отмечает, кто пришёл, и оставляет каждому участнику отзыв.',
  ],
  navigator: [
    'Педагог школы, который сопровождает учеников в программе.',
    'Помогает пройти диагностику, выбрать пробы и разобраться в рекомендациях.',
  ],
  methodologist: [
    'Готовит диагностики и методические материалы.',
    'Проверяет, чтобы программы проб были понятными, полезными и безопасными.',
  ],
};

export function StaffPage() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const account = session.data;
  if (!account) return <PageLoader />;

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{`Здравствуйте, ${account.firstName}!`}</PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="role-title">
        <Stack gap="sm">
          <Group gap="sm">
            <Title order={2} id="role-title">
              Ваша роль
            </Title>
            <Badge size="lg" variant="light" tt="none">
              {ROLE_LABELS[account.role]}
            </Badge>
          </Group>
          <Stack gap={6} component="ul" pl="md" m={0}>
            {(ROLE_DUTIES[account.role] ?? []).map((duty) => (
              <Text component="li" key={duty}>
                {duty}
              </Text>
            ))}
          </Stack>
          <Text>Рабочие разделы для вашей роли открываются в этом кабинете по мере запуска программы в регионе.</Text>
        </Stack>
      </Card>
      <Group>
        <Button variant="outline" loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}>
          Выйти из кабинета
        </Button>
      </Group>
    </Stack>
  );
}

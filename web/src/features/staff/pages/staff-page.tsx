import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import { NotificationsPanel } from '@web/lib/components/notifications-panel';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { KPI_READ_ROLES } from '@web/lib/kpi-roles';
import { useSession } from '@web/lib/session';
import { useOwnProfile } from '../api/profile-api';
import { KpiHomeSummary, RegionSummary } from '../components/home-summary';
import { SectionCards } from '../components/section-cards';

const ROLE_DUTIES: Partial<Record<Role, string>> = {
  issuer_admin: 'Вы ведёте программу по всей стране: регионы, их координаторов и общую картину.',
  regional_coordinator: 'Вы настраиваете регион, регистрируете школы и площадки и следите за их целями.',
  school: 'Вы помогаете ученикам зарегистрироваться, собираете согласия и приглашаете педагогов-навигаторов.',
  venue: 'Вы готовите места проведения и наставников, чтобы школьники могли попробовать профессию в деле.',
  mentor: 'Вы проводите профессиональные пробы и оставляете участникам отзывы.',
  navigator: 'Вы сопровождаете учеников своей школы: диагностика, пробы, рекомендации.',
  methodologist: 'Вы готовите диагностики и методические материалы программы.',
  support_operator: 'Вы отвечаете на обращения участников, родителей и организаций и ведёте справочный центр.',
};

/** Where the person works, as the home page names it under the role. */
function useWorkplace(): string | null {
  const me = useOwnProfile();
  const p = me.data;
  if (!p) return null;
  return p.organisation?.name ?? p.region?.name ?? null;
}

function Overview({ role }: { role: Role }) {
  if (role === 'issuer_admin') return <RegionSummary scope="country" />;
  if (role === 'regional_coordinator') return <RegionSummary scope="region" />;
  return null;
}

/** The staff home: who you are here, how things stand, and where each part of the work lives. */
export function StaffPage() {
  const session = useSession();
  const workplace = useWorkplace();
  const account = session.data;
  if (!account) return <PageLoader />;

  return (
    <Stack gap="lg">
      <PageTitle>{`Здравствуйте, ${account.firstName}!`}</PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="role-title">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={2} id="role-title">
              Ваша роль
            </Title>
            <Badge size="lg" variant="light" tt="none">
              {ROLE_LABELS[account.role]}
            </Badge>
          </Group>
          {workplace && <Text fw={600}>{workplace}</Text>}
          {ROLE_DUTIES[account.role] && <Text>{ROLE_DUTIES[account.role]}</Text>}
        </Stack>
      </Card>
      {/* Staff are told here too: a lesson's link for a school, an alert of heavy personal-data viewing for a reviewer. */}
      <NotificationsPanel />
      {KPI_READ_ROLES.includes(account.role) && <KpiHomeSummary />}
      <Overview role={account.role} />
      <Stack gap="sm" component="section" aria-labelledby="sections-title">
        <Title order={2} id="sections-title">
          Разделы кабинета
        </Title>
        <SectionCards role={account.role} />
      </Stack>
    </Stack>
  );
}

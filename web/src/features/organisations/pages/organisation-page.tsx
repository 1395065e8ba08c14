import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '@common/organisations.js';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { useOrganisation, type OrganisationCard } from '../api/organisations-api';
import { NotFound } from '../components/not-found';
import { OrganisationEditForm } from '../components/organisation-edit-form';
import { OrganisationProfile } from '../components/organisation-profile';
import { OrganisationStaff } from '../components/organisation-staff';
import { OrganisationStatusBadge } from '../components/status-badge';
import { SuspendedBanner, SuspensionControls } from '../components/suspension';

function Section({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id={id}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function ProfileSection({ card }: { card: OrganisationCard }) {
  const [editing, setEditing] = useState(false);
  const action = card.permissions.edit && !editing ? <Button variant="light" onClick={() => setEditing(true)}>Изменить данные</Button> : null;
  return (
    <Section id="profile-title" title="Данные организации" action={action}>
      {editing ? <OrganisationEditForm card={card} onDone={() => setEditing(false)} /> : <OrganisationProfile card={card} />}
    </Section>
  );
}

function OrganisationView({ kind, id }: { kind: OrganisationKind; id: string }) {
  const card = useOrganisation(kind, id);
  const session = useSession();
  if (card.isPending || !session.data) return <PageLoader />;
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  const c = card.data;
  const upTheHierarchy = session.data.role === 'issuer_admin' || session.data.role === 'regional_coordinator';

  return (
    <Stack gap="lg">
      {upTheHierarchy && (
        <BackLink to={kind === 'venue' ? '/staff/organisations?kind=venue' : '/staff/organisations'}>{kind === 'venue' ? 'Все площадки' : 'Все школы'}</BackLink>
      )}
      <div>
        <PageTitle lead={`${ORGANISATION_KIND_LABELS[kind]} · ${c.regionName}`}>{c.name}</PageTitle>
        <OrganisationStatusBadge status={c.status} />
      </div>
      <SuspendedBanner card={c} />
      <ProfileSection card={c} />
      <Section id="staff-title" title="Сотрудники">
        <OrganisationStaff card={c} viewer={session.data} />
      </Section>
      {c.permissions.manage && (
        <Section id="manage-title" title="Работа в программе">
          <Text size="sm">
            {c.status === 'active'
              ? 'Если организация нарушает правила программы или не готова к сезону, её работу можно приостановить.'
              : 'Когда причина устранена, возобновите работу — сотрудники снова смогут войти.'}
          </Text>
          <SuspensionControls card={c} />
        </Section>
      )}
    </Stack>
  );
}

/** /staff/organisations/:kind/:id — a card seen from above: the issuer or the region's coordinator. */
export function OrganisationPage() {
  const { kind, id } = useParams();
  if (!ORGANISATION_KINDS.includes(kind as OrganisationKind) || !id) {
    return <NotFound title="Организация не найдена" back={{ to: '/staff/organisations', label: 'Все школы и площадки' }} />;
  }
  return <OrganisationView key={id} kind={kind as OrganisationKind} id={id} />;
}

/** /staff/organisation — the card of the school or venue the signed-in person works for. */
export function OwnOrganisationPage() {
  const session = useSession();
  const account = session.data;
  if (!account) return <PageLoader />;
  if (account.schoolId) return <OrganisationView key={account.schoolId} kind="school" id={account.schoolId} />;
  if (account.venueId) return <OrganisationView key={account.venueId} kind="venue" id={account.venueId} />;
  return (
    <Stack>
      <PageTitle>Моя организация</PageTitle>
      <Text>Ваша учётная запись не привязана ни к школе, ни к площадке.</Text>
    </Stack>
  );
}

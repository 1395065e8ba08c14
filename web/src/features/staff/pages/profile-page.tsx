import { Link } from 'react-router';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ORGANISATION_KIND_LABELS } from '@common/organisations.js';
import { ROLE_LABELS } from '@common/roles.js';
import { DataRightsSection } from '@web/lib/components/data-rights-section';
import { Fact } from '@web/lib/components/fact';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useOwnProfile, type StaffProfile } from '../api/profile-api';
import { ProfileForm } from '../components/profile-form';

function AccountFacts({ profile }: { profile: StaffProfile }) {
  const org = profile.organisation;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-title">
      <Stack gap="md">
        <Title order={2} id="account-title">
          Учётная запись
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label="Роль" value={ROLE_LABELS[profile.role]} />
          <Fact label="Электронная почта для входа" value={profile.email} />
          {profile.region && <Fact label="Регион" value={profile.region.name} />}
          {org && <Fact label={ORGANISATION_KIND_LABELS[org.kind]} value={org.name} />}
          <Fact label="Вход с кодом из приложения" value={profile.secondFactorEnabled ? 'Включён' : 'Не включён'} />
          <Fact label="Согласие на обработку персональных данных" value={profile.consentAcceptedAt ? `Принято ${formatDateTime(profile.consentAcceptedAt)}` : 'Не принято'} />
        </SimpleGrid>
        <Text size="sm">
          Адрес для входа здесь изменить нельзя: если он сменился, напишите в поддержку. Пароль и вход с кодом —{' '}
          <Anchor component={Link} to="/staff/security">
            в разделе «Вход и безопасность»
          </Anchor>
          .
        </Text>
      </Stack>
    </Card>
  );
}

export function ProfilePage() {
  const profile = useOwnProfile();
  if (profile.isPending) return <PageLoader />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;

  return (
    <Stack gap="lg">
      <PageTitle lead="Эти данные видят коллеги, которые работают с вами в программе.">Профиль</PageTitle>
      <AccountFacts profile={profile.data} />
      <Card withBorder padding="lg" component="section" aria-labelledby="personal-title">
        <Stack gap="md">
          <Title order={2} id="personal-title">
            Личные данные
          </Title>
          <ProfileForm profile={profile.data} />
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <DataRightsSection audience="staff" headingOrder={2} />
      </Card>
    </Stack>
  );
}

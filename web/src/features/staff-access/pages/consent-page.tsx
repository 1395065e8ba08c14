import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { formatDateTime } from '@web/lib/format';
import { AcceptTextForm } from '@web/lib/components/accept-text-form';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useAcceptStaffConsent, useStaffConsent } from '../api/staff-access-api';

/** The consent gate: every staff member accepts the current text before anything else in the cabinet opens. */
export function StaffConsentPage() {
  const consent = useStaffConsent();
  const accept = useAcceptStaffConsent();
  const navigate = useNavigate();

  if (consent.isPending) return <PageLoader />;
  if (consent.isError) return <LoadError error={consent.error} onRetry={() => void consent.refetch()} />;
  const { version, title, body, acceptedVersion, acceptedAt } = consent.data;
  const current = acceptedVersion === version && acceptedAt;

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle
        lead={
          current
            ? undefined
            : acceptedVersion
              ? 'Текст согласия обновился. Прочитайте новую редакцию и примите её, чтобы продолжить работу.'
              : 'Прежде чем открыть кабинет, прочитайте согласие на обработку ваших персональных данных и примите его.'
        }
      >
        Согласие на обработку персональных данных
      </PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="consent-title">
        <Stack gap="sm">
          <Title order={2} id="consent-title" size="h3">
            {title}
          </Title>
          <Text>{body}</Text>
          <Text size="sm" c="dimmed">
            Редакция {version}
          </Text>
        </Stack>
      </Card>
      {current ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="green" title="Согласие принято" role="status">
            {`Вы приняли эту редакцию ${formatDateTime(acceptedAt)}.`}
          </Alert>
          <Button component={Link} to="/staff">
            Перейти в кабинет
          </Button>
        </Stack>
      ) : (
        <AcceptTextForm
          checkboxLabel="Я прочитал(а) согласие и принимаю его"
          uncheckedMessage="Отметьте, что вы прочитали согласие и принимаете его"
          submitLabel="Принять и продолжить"
          onAccept={() =>
            accept.mutate(version, {
              onSuccess: () => void navigate('/staff'),
              onError: (error) => {
                if (error instanceof ApiError && error.code === 'consent_outdated') void consent.refetch();
              },
            })
          }
          pending={accept.isPending}
          error={accept.isError ? errorMessage(accept.error) : null}
        />
      )}
    </Stack>
  );
}

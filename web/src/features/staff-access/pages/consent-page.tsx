import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { focusFirstInvalid } from '@web/lib/forms';
import { formatDateTime } from '@web/lib/format';
import { FormAlert, LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useAcceptStaffConsent, useStaffConsent } from '../api/staff-access-api';

/** The consent gate: every staff member accepts the current text before anything else in the cabinet opens. */
export function StaffConsentPage() {
  const consent = useStaffConsent();
  const accept = useAcceptStaffConsent();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { agree: false },
    validate: { agree: (value) => (value ? null : 'Отметьте, что вы прочитали согласие и принимаете его') },
  });

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
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            () =>
              accept.mutate(version, {
                onSuccess: () => void navigate('/staff'),
                onError: (error) => {
                  if (error instanceof ApiError && error.code === 'consent_outdated') void consent.refetch();
                },
              }),
            () => focusFirstInvalid(formRef.current),
          )}
        >
          <Stack gap="md" align="flex-start">
            <FormAlert message={accept.isError ? errorMessage(accept.error) : null} />
            <Checkbox label="Я прочитал(а) согласие и принимаю его" {...form.getInputProps('agree', { type: 'checkbox' })} />
            <Button type="submit" loading={accept.isPending}>
              Принять и продолжить
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

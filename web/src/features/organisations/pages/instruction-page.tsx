import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { formatDateTime } from '@web/lib/format';
import { AcceptTextForm } from '@web/lib/components/accept-text-form';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useAcceptInstruction, useInstruction, type InstructionAcceptance } from '../api/instruction-api';

const acceptedBy = (a: InstructionAcceptance) => (a.acceptedByName ? `, принял(а) ${a.acceptedByName}` : ', отмечено оператором');

/**
 * The operator's instruction (поручение, 152-FZ art. 6 part 3): the school's or venue's administrator
 * reads the current text and accepts it; its navigators and mentors see where it stands.
 */
export function InstructionPage() {
  const status = useInstruction();
  const accept = useAcceptInstruction();

  if (status.isPending) return <PageLoader />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  const { instruction, organisation, current, history, canAccept } = status.data;
  const admin = organisation.kind === 'school' ? 'администратор школы' : 'администратор площадки';

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle
        lead={
          current
            ? undefined
            : history.length > 0
              ? 'Текст поручения обновился. Пока новая редакция не принята, данные учеников закрыты.'
              : 'Пока поручение не принято, списки учеников, составы мероприятий и результаты закрыты.'
        }
      >
        Поручение оператора
      </PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="instruction-title">
        <Stack gap="sm">
          <Title order={2} id="instruction-title" size="h3">
            {instruction.title}
          </Title>
          <Text size="sm">{organisation.name}</Text>
          <Text>{instruction.body}</Text>
          <Text size="sm" c="dimmed">
            Редакция {instruction.version}
          </Text>
        </Stack>
      </Card>
      {current ? (
        <Alert color="green" title="Поручение принято" role="status">
          {`Редакция ${current.version} принята ${formatDateTime(current.acceptedAt)}${acceptedBy(current)}.`}
        </Alert>
      ) : canAccept ? (
        <AcceptTextForm
          checkboxLabel="Я прочитал(а) поручение и принимаю его от имени организации"
          uncheckedMessage="Отметьте, что вы прочитали поручение и принимаете его"
          submitLabel="Принять поручение"
          onAccept={() =>
            accept.mutate(instruction.version, {
              onError: (error) => {
                if (error instanceof ApiError && error.code === 'instruction_version_changed') void status.refetch();
              },
            })
          }
          pending={accept.isPending}
          error={accept.isError ? errorMessage(accept.error) : null}
        />
      ) : (
        <Alert color="yellow" title="Поручение ещё не принято" role="status">
          {`Его принимает ${admin} в своём кабинете, в разделе «Поручение оператора». До этого данные учеников закрыты.`}
        </Alert>
      )}
      {history.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="instruction-history">
          <Title order={2} id="instruction-history" size="h4">
            Принятые редакции
          </Title>
          <List>
            {history.map((h) => (
              <List.Item key={h.version}>{`Редакция ${h.version}: ${formatDateTime(h.acceptedAt)}${acceptedBy(h)}`}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

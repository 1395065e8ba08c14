import { useState } from 'react';
import { Badge, Button, Card, Group, List, Modal, Spoiler, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CONSENT_WITHDRAWAL_CONSEQUENCES, type ConsentText } from '@common/consents.js';
import { errorMessage } from '@web/lib/api-client';
import { formatDate, fullName } from '@web/lib/format';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { useConsentTexts, useGiveConsent, useWithdrawConsent } from '../api/parent-api';
import type { ParentChild } from '@web/lib/parent-cabinet';

interface ItemProps {
  child: ParentChild;
  text: ConsentText;
}

function ConsentItem({ child, text }: ItemProps) {
  const given = child.consents[text.kind];
  const give = useGiveConsent(child.id);
  const withdraw = useWithdrawConsent(child.id);
  const [confirming, setConfirming] = useState(false);
  const titleId = `consent-${child.id}-${text.kind}`;
  const failure = give.error ?? withdraw.error;

  return (
    // Named by its title and the child's name, so each child's consents are told apart.
    <Card withBorder padding="md" component="section" aria-labelledby={`${titleId} child-${child.id}`}>
      <Stack gap="xs">
        <Title order={5} id={titleId}>
          {text.title}
        </Title>
        <Group gap="xs">
          {given ? (
            <Badge color="green" variant="light" tt="none" size="lg">
              {`Дано ${formatDate(given.givenAt)}`}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" tt="none" size="lg">
              Не дано
            </Badge>
          )}
          <Badge color={text.required ? 'orange' : 'gray.7'} variant="outline" tt="none" size="lg">
            {text.required ? 'Обязательное' : 'По желанию'}
          </Badge>
        </Group>
        <Spoiler maxHeight={72} showLabel="Читать полностью" hideLabel="Свернуть">
          <Text size="sm">{text.body}</Text>
        </Spoiler>
        <Text size="xs" c="dimmed">
          {given ? `Редакция текста ${given.textVersion}` : `Редакция текста ${text.version}`}
        </Text>
        {failure && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(failure)}
          </Text>
        )}
        <Group>
          {given ? (
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              Отозвать согласие
            </Button>
          ) : (
            <Button
              loading={give.isPending}
              onClick={() =>
                give.mutate(
                  { kind: text.kind, textVersion: text.version },
                  { onSuccess: () => notifications.show({ color: 'green', title: 'Согласие дано', message: text.title }) },
                )
              }
            >
              Дать согласие
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Отозвать согласие?" centered>
        <Stack gap="md">
          <Text>«{text.title}» перестанет действовать сразу. Что произойдёт:</Text>
          <List spacing="xs" size="sm" aria-label="Последствия отзыва согласия">
            {CONSENT_WITHDRAWAL_CONSEQUENCES[text.kind].map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          {text.kind === 'pd_processing' && (
            <Text size="sm" c="dimmed">
              Если согласие дал и второй родитель, всё это наступит, только когда отзовёт и он.
            </Text>
          )}
          <Text size="sm">Ребёнок: {fullName(child)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Отмена
            </Button>
            <Button
              color="red.9"
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(text.kind, {
                  onSuccess: () => notifications.show({ title: 'Согласие отозвано', message: text.title }),
                  onSettled: () => setConfirming(false),
                })
              }
            >
              Да, отозвать
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The consents a parent gives for one child; the health one matters only when the child has ОВЗ. */
export function ConsentsSection({ child }: { child: ParentChild }) {
  const texts = useConsentTexts();
  if (texts.isPending) return <PageLoader label="Загружаем тексты согласий…" />;
  if (texts.isError) return <LoadError error={texts.error} onRetry={() => void texts.refetch()} />;
  const shown = texts.data.filter((t) => t.kind !== 'health_data' || child.hasOvz || child.consents.health_data);
  return (
    <Stack gap="sm">
      {shown.map((text) => (
        <ConsentItem key={text.kind} child={child} text={text} />
      ))}
    </Stack>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Group, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { SupportDeskView } from '@common/schemas/support.js';
import { SUPPORT_SETTABLE_STATUSES, SUPPORT_STATUS_LABELS, SUPPORT_TOPIC_LABELS } from '@common/support/requests.js';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { ListSelect } from '@web/lib/components/list-select';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { StatusBadge } from '@web/lib/components/status-badge';
import { formatDateTime } from '@web/lib/format';
import { deskCalls, useDeskAction, useDeskReference, useDeskRequest, useTemplates } from '../api/support-api';
import { slaState } from '../components/sla';
import { statusColor } from '../components/status';

const MESSAGE_AUTHOR = { requester: 'Заявитель', answer: 'Ответ', note: 'Внутренняя заметка' } as const;

function IntakeCard({ request }: { request: SupportDeskView }) {
  const call = deskCalls(request.id);
  const override = useDeskAction(request.id, call.intake);
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<'accept' | 'protected_secret'>(request.status === 'no_answer' ? 'accept' : 'protected_secret');
  return (
    <Card withBorder component="section" aria-labelledby="intake-decision">
      <Title order={2} size="h4" id="intake-decision" mb="xs">
        Решение по правилам приёма
      </Title>
      {request.intakeRuleLabel ? (
        <Stack gap={4}>
          <Text fw={700} data-testid="intake-rule">
            {request.intakeRuleLabel}
          </Text>
          <Text size="sm">{request.intakeEvidence}</Text>
        </Stack>
      ) : (
        <Text>Принято: ни одно правило не сработало.</Text>
      )}
      {request.intakeOverridden && (
        <Badge mt="xs" variant="light" color="orange">
          Решение изменено оператором
        </Badge>
      )}
      {request.may.manage && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            override.mutate({ decision, reason });
          }}
        >
          <Stack gap="xs" mt="sm">
            <Radio.Group label="Изменить решение" value={decision} onChange={(v) => setDecision(v as 'accept' | 'protected_secret')}>
              <Group mt={4}>
                <Radio value="accept" label="Принять в работу" disabled={request.status !== 'no_answer'} />
                <Radio value="protected_secret" label="Оставить без ответа: охраняемая законом тайна" />
              </Group>
            </Radio.Group>
            <TextInput label="Почему" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={override.isError ? errorMessage(override.error) : undefined} />
            <Button type="submit" variant="light" loading={override.isPending} style={{ alignSelf: 'flex-start' }}>
              Изменить решение
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function AnswerForm({ request }: { request: SupportDeskView }) {
  const answer = useDeskAction(request.id, deskCalls(request.id).answer);
  const templates = useTemplates();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        if (!text.trim()) return setError('Напишите ответ');
        answer.mutate({ text: text.trim(), status: 'answered' }, { onSuccess: () => setText(''), onError: (err) => setError(errorMessage(err)) });
      }}
    >
      <Stack gap="xs">
        {(templates.data ?? []).length > 0 && (
          <ListSelect
            label="Шаблон ответа"
            placeholder="Выберите, чтобы вставить"
            data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.title }))}
            value={null}
            onChange={(id) => {
              const template = templates.data?.find((t) => t.id === id);
              if (template) setText((current) => (current ? `${current}\n\n${template.body}` : template.body));
            }}
          />
        )}
        <Textarea label="Ответ заявителю" description="Уйдёт на почту заявителя и появится в его кабинете" rows={4} maxLength={5000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
        <Button type="submit" loading={answer.isPending} style={{ alignSelf: 'flex-start' }}>
          Ответить
        </Button>
      </Stack>
    </form>
  );
}

function NoteForm({ request }: { request: SupportDeskView }) {
  const note = useDeskAction(request.id, deskCalls(request.id).note);
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) note.mutate(text.trim(), { onSuccess: () => setText('') });
      }}
    >
      <Stack gap="xs">
        <Textarea label="Внутренняя заметка" description="Заявитель её не видит" rows={2} maxLength={5000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={note.isError ? errorMessage(note.error) : undefined} />
        <Button type="submit" variant="light" loading={note.isPending} style={{ alignSelf: 'flex-start' }}>
          Добавить заметку
        </Button>
      </Stack>
    </form>
  );
}

const UUID_IN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function ManagePanel({ request }: { request: SupportDeskView }) {
  const call = deskCalls(request.id);
  const status = useDeskAction(request.id, call.status);
  const assign = useDeskAction(request.id, call.assign);
  const merge = useDeskAction(request.id, call.merge);
  const reference = useDeskReference();
  const [into, setInto] = useState('');
  const [mergeError, setMergeError] = useState<string | null>(null);
  const failure = status.error ?? assign.error;
  return (
    <Card withBorder component="section" aria-labelledby="manage-request">
      <Title order={2} size="h4" id="manage-request" mb="xs">
        Работа с обращением
      </Title>
      {failure && (
        <Alert color="red" role="alert" mb="xs">
          {errorMessage(failure)}
        </Alert>
      )}
      <Stack gap="sm">
        <ListSelect
          label="Исполнитель"
          clearable
          clearButtonProps={{ 'aria-label': 'Снять исполнителя' }}
          data={(reference.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={request.assigneeId}
          onChange={(id) => assign.mutate(id)}
        />
        <ListSelect
          label="Перевести в статус"
          placeholder="Выберите статус"
          data={SUPPORT_SETTABLE_STATUSES.map((s) => ({ value: s, label: SUPPORT_STATUS_LABELS[s] }))}
          value={null}
          onChange={(s) => s && status.mutate(s)}
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setMergeError(null);
            const id = UUID_IN.exec(into)?.[0];
            if (!id) return setMergeError('Вставьте ссылку на основное обращение из очереди');
            merge.mutate(id.toLowerCase(), { onError: (err) => setMergeError(errorMessage(err)) });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label="Объединить с обращением (дубликат)" description="Ссылка на основное обращение" value={into} onChange={(e) => setInto(e.currentTarget.value)} error={mergeError} style={{ flex: 1, minWidth: 220 }} />
            <Button type="submit" variant="default" loading={merge.isPending}>
              Объединить
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

/** One request at the desk: what was asked, the intake decision, the conversation with notes, and the actions. */
export function DeskRequestPage() {
  const { id = '' } = useParams();
  const request = useDeskRequest(id);
  if (request.isPending) return <PageLoader />;
  if (request.isError) return <LoadError error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const sla = slaState(r, new Date());
  return (
    <Stack>
      <BackLink to="/staff/support">К очереди</BackLink>
      <PageTitle>{`Обращение № ${r.number}`}</PageTitle>
      <Group gap="sm">
        <StatusBadge label={SUPPORT_STATUS_LABELS[r.status]} color={statusColor(r.status)} />
        <Text size="sm" c={sla.overdue ? 'red.9' : undefined} fw={sla.overdue ? 700 : undefined}>
          {sla.label}
        </Text>
      </Group>
      {r.mergedInto && (
        <Alert color="gray">
          Объединено с{' '}
          <Anchor component={Link} to={`/staff/support/${r.mergedInto}`}>
            основным обращением
          </Anchor>
          .
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="request-facts">
        <Title order={2} size="h4" id="request-facts" mb="xs">
          {SUPPORT_TOPIC_LABELS[r.topic]}
        </Title>
        <Stack gap={2}>
          <Text size="sm">
            {r.requesterName}, {r.email} · {r.regionName ?? 'регион не указан'} · {r.channel === 'email' ? 'письмо' : 'форма'} · {formatDateTime(r.createdAt)}
          </Text>
          {r.childName && <Text size="sm">Ребёнок: {r.childName}</Text>}
          {r.eventTitle && <Text size="sm">Мероприятие: {r.eventTitle}</Text>}
          {r.organisationName && <Text size="sm">Организация: {r.organisationName}</Text>}
          {r.repeatOf && (
            <Anchor component={Link} to={`/staff/support/${r.repeatOf}`} size="sm">
              Прежнее решённое обращение
            </Anchor>
          )}
        </Stack>
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.text}
        </Text>
        {r.attachments.length > 0 && (
          <Group gap="sm" mt="xs">
            {r.attachments.map((a) => (
              <Anchor key={a.id} href={`/api/support/desk/requests/${r.id}/attachments/${a.id}`}>
                {a.fileName}
              </Anchor>
            ))}
          </Group>
        )}
      </Card>
      <IntakeCard request={r} />
      <Stack gap="xs" component="section" aria-label="Переписка">
        {r.messages.map((m) => (
          <Card key={m.id} withBorder padding="sm" bg={m.kind === 'note' ? 'yellow.0' : m.kind === 'answer' ? 'blue.0' : undefined}>
            <Text size="sm" fw={600}>
              {MESSAGE_AUTHOR[m.kind]}
              {m.authorName ? ` · ${m.authorName}` : ''} · {formatDateTime(m.createdAt)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.text}</Text>
          </Card>
        ))}
      </Stack>
      {r.may.answer && <AnswerForm request={r} />}
      {(r.may.manage || r.may.answer) && <NoteForm request={r} />}
      {r.may.manage && <ManagePanel request={r} />}
    </Stack>
  );
}

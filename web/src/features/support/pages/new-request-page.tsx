import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Card, FileInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { SUPPORT_DRAFT_KEY, type SupportDraft } from '@common/support/draft.js';
import { SUPPORT_LIMITS, SUPPORT_TOPICS, SUPPORT_TOPIC_LABELS } from '@common/support/requests.js';
import { useFormFeedback } from '@web/lib/forms';
import { ListSelect } from '@web/lib/components/list-select';
import { RegionSelect } from '@web/lib/components/reference-select';
import { PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { sendRequest, usePrefill } from '../api/support-api';
import { myRequestsPath } from '../paths';

/** The chat bot leaves its hand-over in this tab's storage; the form takes it once and clears it. */
function takeDraft(): SupportDraft | null {
  try {
    const raw = sessionStorage.getItem(SUPPORT_DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as SupportDraft;
    return typeof draft?.text === 'string' && Array.isArray(draft.conversation) ? draft : null;
  } catch {
    return null;
  }
}

const topicData = SUPPORT_TOPICS.map((t) => ({ value: t, label: SUPPORT_TOPIC_LABELS[t] }));

interface Values {
  regionId: string | null;
  lastName: string;
  firstName: string;
  email: string;
  topic: string | null;
  text: string;
  childId: string | null;
  eventId: string | null;
  organisationId: string | null;
}

export function NewRequestPage() {
  const [draft] = useState(takeDraft);
  useEffect(() => {
    if (draft) sessionStorage.removeItem(SUPPORT_DRAFT_KEY);
  }, [draft]);
  const session = useSession();
  const account = session.data && !session.data.gate ? session.data : null;
  const prefill = usePrefill(account !== null);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<{ number: string; status: string } | null>(null);

  const form = useForm<Values>({
    initialValues: {
      regionId: null,
      lastName: '',
      firstName: '',
      email: '',
      topic: draft?.topic && (SUPPORT_TOPICS as readonly string[]).includes(draft.topic) ? draft.topic : null,
      text: draft?.text ?? '',
      childId: null,
      eventId: null,
      organisationId: null,
    },
    validate: {
      regionId: (v) => (v ? null : 'Выберите регион'),
      lastName: (v) => (v.trim() ? null : 'Укажите фамилию'),
      firstName: (v) => (v.trim() ? null : 'Укажите имя'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Проверьте адрес электронной почты'),
      topic: (v) => (v ? null : 'Выберите тему обращения'),
      text: (v) => (v.trim() ? null : 'Опишите вопрос'),
    },
  });
  const feedback = useFormFeedback(form, (field) => (field === 'files' || field === 'conversation' ? null : Object.hasOwn(form.getValues(), field) ? field : null));

  const { data } = prefill;
  useEffect(() => {
    if (!data) return;
    // Only what the person has not typed yet is filled in.
    const current = form.getValues();
    form.setValues({
      lastName: current.lastName || data.lastName,
      firstName: current.firstName || data.firstName,
      email: current.email || data.email,
      regionId: current.regionId ?? (data.regionId ? String(data.regionId) : null),
    });
  }, [data]);

  const send = useMutation({
    mutationFn: (values: Values) =>
      sendRequest(
        {
          regionId: values.regionId ?? '',
          lastName: values.lastName,
          firstName: values.firstName,
          email: values.email,
          topic: values.topic ?? '',
          text: values.text,
          childId: values.childId ?? '',
          eventId: values.eventId ?? '',
          organisationId: values.organisationId ?? '',
          ...(draft && draft.conversation.length > 0 ? { conversation: JSON.stringify(draft.conversation) } : {}),
        },
        files,
      ),
    onSuccess: (result) => setSent(result),
    onError: feedback.onError,
  });

  if (sent) {
    return (
      <Stack>
        <PageTitle>Обращение отправлено</PageTitle>
        <Alert color="green" title={`Обращение № ${sent.number} принято`} role="status">
          {account
            ? 'Статус и ответы — в разделе «Мои обращения». Каждый ответ мы также пришлём на почту.'
            : 'Мы прислали письмо со ссылкой на обращение: по ней видны статус и ответы. Каждый ответ тоже придёт на почту.'}
        </Alert>
        {account && (
          <Anchor component={Link} to={myRequestsPath(account.role)}>
            Мои обращения
          </Anchor>
        )}
      </Stack>
    );
  }

  const ties = data;
  return (
    <Stack>
      <PageTitle lead="Заполните все поля: без региона, имени, почты, темы и вопроса обращение не рассматривается.">Обращение в поддержку</PageTitle>
      {draft && draft.conversation.length > 0 && (
        <Card withBorder padding="md" component="section" aria-labelledby="carried-conversation">
          <Title order={2} size="h4" id="carried-conversation" mb="xs">
            Переписка с чат-ботом
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Она будет приложена к обращению, чтобы оператор видел, что вы уже спрашивали.
          </Text>
          <Stack gap={4}>
            {draft.conversation.map((m, i) => (
              <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Text span fw={600}>
                  {m.author === 'person' ? 'Вы: ' : 'Чат-бот: '}
                </Text>
                {m.text}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      {feedback.alert && (
        <Alert color="red" role="alert" title="Обращение не отправлено">
          {feedback.alert}
        </Alert>
      )}
      <form ref={feedback.ref} noValidate onSubmit={form.onSubmit((values) => send.mutate(values), feedback.onInvalid)}>
        <Stack>
          <RegionSelect label="Регион (субъект РФ)" required {...form.getInputProps('regionId')} />
          <TextInput label="Фамилия" required autoComplete="family-name" {...form.getInputProps('lastName')} />
          <TextInput label="Имя" required autoComplete="given-name" {...form.getInputProps('firstName')} />
          <TextInput label="Электронная почта" type="email" required autoComplete="email" {...form.getInputProps('email')} />
          <ListSelect label="Тема обращения" required data={topicData} {...form.getInputProps('topic')} />
          <Textarea
            label="Ваш вопрос"
            description="Опишите, что случилось и что вы хотите узнать. Пишите по-русски."
            required
            resize="vertical"
            rows={6}
            maxLength={SUPPORT_LIMITS.textMax}
            {...form.getInputProps('text')}
          />
          {ties && ties.children.length > 0 && (
            <ListSelect label="Ребёнок (если вопрос о нём)" clearable data={ties.children.map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('childId')} />
          )}
          {ties && ties.events.length > 0 && (
            <ListSelect label="Мероприятие (если вопрос о нём)" clearable data={ties.events.map((e) => ({ value: e.id, label: e.title }))} {...form.getInputProps('eventId')} />
          )}
          {ties && ties.organisations.length > 0 && (
            <ListSelect label="Организация (если вопрос о ней)" clearable data={ties.organisations.map((o) => ({ value: o.id, label: o.name }))} {...form.getInputProps('organisationId')} />
          )}
          <FileInput
            label="Файлы"
            description={`До ${SUPPORT_LIMITS.maxAttachments} файлов PDF, JPEG или PNG, каждый до ${SUPPORT_LIMITS.maxAttachmentBytes / 1024 / 1024} МБ`}
            multiple
            clearable
            accept="application/pdf,image/jpeg,image/png"
            value={files}
            onChange={setFiles}
            error={files.length > SUPPORT_LIMITS.maxAttachments ? `Не больше ${SUPPORT_LIMITS.maxAttachments} файлов` : undefined}
          />
          <Button type="submit" loading={send.isPending} disabled={files.length > SUPPORT_LIMITS.maxAttachments} style={{ alignSelf: 'flex-start' }}>
            Отправить обращение
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}


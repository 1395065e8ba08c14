import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { HELP_AUDIENCE_LABELS, HELP_AUDIENCES, HELP_LIMITS, HELP_TOPIC_LABELS, HELP_TOPICS } from '@common/help.js';
import { helpArticleInputSchema } from '@common/schemas/help.js';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { FormAlert, LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { formatDateTime } from '@web/lib/format';
import { useSession } from '@web/lib/session';
import {
  previewMarkdown,
  uploadHelpImage,
  useCreateArticle,
  usePublishArticle,
  useRestoreVersion,
  useSaveArticle,
  useStaffArticle,
  useVersions,
  versionHtml,
  type StaffArticle,
} from '../api/help-api';
import { ArticleBody } from '../components/article-body';

interface Values {
  slug: string;
  audience: string;
  topic: string;
  title: string;
  summary: string;
  body: string;
}

const EMPTY: Values = { slug: '', audience: 'participant', topic: 'faq', title: '', summary: '', body: '' };

function Preview({ body }: { body: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    previewMarkdown(body).then(
      (r) => live && (setHtml(r.html), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [body]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (html === null) return <PageLoader label="Готовим предпросмотр…" />;
  return <ArticleBody html={html} />;
}

function Versions({ article, editor }: { article: StaffArticle; editor: boolean }) {
  const versions = useVersions(article.id);
  const restore = useRestoreVersion(article.id);
  const [shown, setShown] = useState<{ version: number; title: string; html: string } | null>(null);
  if (!versions.data || versions.data.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        Версии
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Версия</Table.Th>
              <Table.Th>Опубликована</Table.Th>
              <Table.Th>Действия</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  {v.version}. {v.title}
                </Table.Td>
                <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => void versionHtml(article.id, v.version).then((r) => setShown({ version: v.version, title: r.title, html: r.html }))}
                    >
                      Посмотреть версию {v.version}
                    </Button>
                    {editor && (
                      <Button
                        size="xs"
                        variant="outline"
                        loading={restore.isPending && restore.variables === v.version}
                        onClick={() =>
                          restore.mutate(v.version, {
                            onSuccess: () => notifications.show({ color: 'green', message: `Версия ${v.version} в черновике: проверьте и опубликуйте` }),
                            onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                          })
                        }
                      >
                        Восстановить версию {v.version}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? `Версия ${shown.version}: ${shown.title}` : ''} size="lg" closeButtonProps={{ 'aria-label': 'Закрыть' }}>
        {shown && <ArticleBody html={shown.html} />}
      </Modal>
    </Stack>
  );
}

function Editor({ article }: { article: StaffArticle | null }) {
  const session = useSession();
  const editor = session.data?.role === 'support_operator';
  const navigate = useNavigate();
  const create = useCreateArticle();
  const save = useSaveArticle(article?.id ?? '');
  const publish = usePublishArticle(article?.id ?? '');
  const [tab, setTab] = useState<string | null>('text');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: article ? { slug: article.slug, audience: article.audience, topic: article.topic, title: article.title, summary: article.summary, body: article.body } : EMPTY,
    validate: (values) => schemaErrors(helpArticleInputSchema, values),
  });
  const feedback = useFormFeedback(form);
  useEffect(() => {
    if (!article) return;
    const values = { slug: article.slug, audience: article.audience, topic: article.topic, title: article.title, summary: article.summary, body: article.body };
    form.setValues(values);
    form.resetDirty(values);
    // Only a new server copy (after save, publish or restore) resets the form.
  }, [article?.updatedAt, article?.publishedVersion]);

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    if (!article) {
      create.mutate(values, {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: 'Черновик сохранён' });
          void navigate(`/staff/help/${created.id}`, { replace: true });
        },
        onError: feedback.onError,
      });
      return;
    }
    save.mutate(values, { onSuccess: () => notifications.show({ color: 'green', message: 'Черновик сохранён' }), onError: feedback.onError });
  }, feedback.onInvalid);

  const insertImage = (file: File | null) => {
    if (!file) return;
    uploadHelpImage(file).then(
      (r) => form.setFieldValue('body', `${form.getValues().body}\n\n${r.markdown}\n`),
      (e: unknown) => notifications.show({ color: 'red', title: 'Картинка не загрузилась', message: errorMessage(e) }),
    );
  };

  return (
    <Stack gap="md">
      {article && (
        <Group gap="xs">
          {article.publishedVersion !== null ? (
            <Badge color="green.9" variant="light">
              Опубликована версия {article.publishedVersion}
            </Badge>
          ) : (
            <Badge color="orange.9" variant="light">
              Ещё не опубликована
            </Badge>
          )}
          {article.hasDraft && article.publishedVersion !== null && (
            <Badge color="orange.9" variant="light">
              Есть неопубликованные правки
            </Badge>
          )}
          {article.publishedVersion !== null && (
            <Anchor component={Link} to={`/help/${article.slug}`}>
              Открыть на сайте
            </Anchor>
          )}
        </Group>
      )}
      <form ref={feedback.ref} onSubmit={submit} noValidate>
        <fieldset disabled={!editor} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <FormAlert message={feedback.alert} />
            <TextInput label="Заголовок" required maxLength={HELP_LIMITS.title.max} {...form.getInputProps('title')} />
            <TextInput
              label="Адрес статьи"
              description="Латинские буквы, цифры и дефисы: станет частью ссылки /help/…"
              required
              maxLength={HELP_LIMITS.slug}
              {...form.getInputProps('slug')}
            />
            <Group grow align="flex-start" wrap="wrap">
              <Select label="Для кого" required data={HELP_AUDIENCES.map((a) => ({ value: a, label: HELP_AUDIENCE_LABELS[a] }))} allowDeselect={false} {...form.getInputProps('audience')} />
              <Select label="Тема" required data={HELP_TOPICS.map((t) => ({ value: t, label: HELP_TOPIC_LABELS[t] }))} allowDeselect={false} {...form.getInputProps('topic')} />
            </Group>
            <Textarea label="Кратко" description="Одно-два предложения: их видно в списке и в поиске" required autosize minRows={2} maxLength={HELP_LIMITS.summary.max} {...form.getInputProps('summary')} />
            <Tabs value={tab} onChange={setTab}>
              <Tabs.List>
                <Tabs.Tab value="text">Текст (Markdown)</Tabs.Tab>
                <Tabs.Tab value="preview">Предпросмотр</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="text" pt="sm">
                <Textarea
                  label="Текст статьи"
                  description={`Markdown: ## заголовок, **жирный**, списки, [ссылка](https://…). HTML не выполняется. Не длиннее ${HELP_LIMITS.body.max.toLocaleString('ru-RU')} символов`}
                  required
                  autosize
                  minRows={12}
                  maxRows={30}
                  styles={{ input: { fontFamily: 'monospace' } }}
                  {...form.getInputProps('body')}
                />
              </Tabs.Panel>
              <Tabs.Panel value="preview" pt="sm">
                {tab === 'preview' && (form.getValues().body.trim().length >= HELP_LIMITS.body.min ? <Preview body={form.getValues().body} /> : <Text>Текст слишком короткий для предпросмотра.</Text>)}
              </Tabs.Panel>
            </Tabs>
            {editor && (
              <Group gap="sm">
                <Button type="submit" loading={create.isPending || save.isPending}>
                  Сохранить черновик
                </Button>
                {article && (
                  <Button
                    variant="filled"
                    color="green.9"
                    disabled={!article.hasDraft || form.isDirty()}
                    loading={publish.isPending}
                    onClick={() =>
                      publish.mutate(undefined, {
                        onSuccess: (a) => notifications.show({ color: 'green', message: `Опубликована версия ${a.publishedVersion}` }),
                        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                      })
                    }
                  >
                    Опубликовать
                  </Button>
                )}
                <FileButton onChange={insertImage} accept="image/png,image/jpeg">
                  {(props) => (
                    <Button variant="outline" {...props}>
                      Вставить картинку
                    </Button>
                  )}
                </FileButton>
              </Group>
            )}
            {editor && article && form.isDirty() && <Text size="sm">Сохраните правки, чтобы их опубликовать.</Text>}
          </Stack>
        </fieldset>
      </form>
      {article && <Versions article={article} editor={editor} />}
    </Stack>
  );
}

/** The support operator's editor: the working copy, a preview, publishing and the versions. */
export function StaffArticlePage() {
  const { articleId } = useParams();
  const article = useStaffArticle(articleId);
  return (
    <Stack gap="md">
      <BackLink to="/staff/help">Все статьи</BackLink>
      <PageTitle>{articleId ? (article.data?.title ?? 'Статья') : 'Новая статья'}</PageTitle>
      {articleId && article.isError && <LoadError error={article.error} onRetry={() => void article.refetch()} />}
      {articleId && !article.data && !article.isError && <PageLoader />}
      {(!articleId || article.data) && <Editor key={articleId ?? 'new'} article={article.data ?? null} />}
    </Stack>
  );
}

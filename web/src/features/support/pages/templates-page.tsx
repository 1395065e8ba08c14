import { useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useDeleteTemplate, useSaveTemplate, useTemplates, type SupportTemplate } from '../api/support-api';

function TemplateForm({ template, onDone }: { template: SupportTemplate | null; onDone: () => void }) {
  const save = useSaveTemplate();
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: template?.id ?? null, title, body }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <TextInput label="Название" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
        <Textarea label="Текст ответа" required rows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={5000} error={save.isError ? errorMessage(save.error) : undefined} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Сохранить
          </Button>
          {template && (
            <Button variant="default" onClick={onDone}>
              Отмена
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The operators' answer templates: kept here, inserted into an answer at the desk. */
export function TemplatesPage() {
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <Stack>
      <BackLink to="/staff/support">К очереди</BackLink>
      <PageTitle>Шаблоны ответов</PageTitle>
      <Card withBorder component="section" aria-labelledby="new-template">
        <Title order={2} size="h4" id="new-template" mb="xs">
          Новый шаблон
        </Title>
        <TemplateForm key={formKey} template={null} onDone={() => setFormKey((k) => k + 1)} />
      </Card>
      {templates.isPending ? (
        <PageLoader />
      ) : templates.isError ? (
        <LoadError error={templates.error} />
      ) : templates.data.length === 0 ? (
        <Text>Шаблонов пока нет.</Text>
      ) : (
        templates.data.map((t) => (
          <Card key={t.id} withBorder component="article" aria-label={t.title}>
            {editing === t.id ? (
              <TemplateForm template={t} onDone={() => setEditing(null)} />
            ) : (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t.title}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{t.body}</Text>
                <Group>
                  <Button variant="default" size="xs" onClick={() => setEditing(t.id)}>
                    Изменить
                  </Button>
                  <Button variant="outline" color="red.9" size="xs" loading={remove.isPending && remove.variables === t.id} onClick={() => remove.mutate(t.id)}>
                    Удалить
                  </Button>
                </Group>
              </Stack>
            )}
          </Card>
        ))
      )}
    </Stack>
  );
}

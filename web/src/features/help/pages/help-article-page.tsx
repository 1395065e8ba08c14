import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { HELP_AUDIENCE_LABELS, HELP_TOPIC_LABELS } from '@common/help.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { useArticle } from '../api/help-api';
import { ArticleBody } from '../components/article-body';
import { HelpNav } from '../components/help-nav';

/** One article of the help centre. */
export function HelpArticlePage() {
  const { slug = '' } = useParams();
  const article = useArticle(slug);
  if (article.isError) {
    return (
      <Stack>
        <HelpNav />
        <LoadError error={article.error} />
      </Stack>
    );
  }
  if (!article.data) return <PageLoader />;
  const a = article.data;
  return (
    <Stack gap="md" maw={760}>
      <HelpNav />
      <Group gap="xs">
        <Badge variant="light">{HELP_AUDIENCE_LABELS[a.audience]}</Badge>
        <Badge variant="outline" color="gray.8" style={{ textTransform: 'none' }}>
          {HELP_TOPIC_LABELS[a.topic]}
        </Badge>
      </Group>
      <PageTitle lead={a.summary}>{a.title}</PageTitle>
      <ArticleBody html={a.html} />
      <Text size="sm" c="dimmed">
        {a.publishedAt ? `Обновлено ${formatDate(a.publishedAt)}. ` : ''}Не нашли ответа? Спросите чат-бота или загляните в{' '}
        <Anchor component={Link} to="/help/faq" size="sm" underline="always">
          частые вопросы
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

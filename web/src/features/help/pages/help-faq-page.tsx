import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useArticle, useArticles } from '../api/help-api';
import { ArticleBody } from '../components/article-body';
import { HelpNav } from '../components/help-nav';

const FAQ_SLUG = 'faq';

/** The FAQ: the questions article in full, the other FAQ-topic articles and the way to the contacts. */
export function HelpFaqPage() {
  const faq = useArticle(FAQ_SLUG);
  const articles = useArticles();
  const more = (articles.data ?? []).filter((a) => a.topic === 'faq' && a.slug !== FAQ_SLUG);
  return (
    <Stack gap="md" maw={760}>
      <HelpNav />
      <PageTitle lead="Короткие ответы на то, о чём спрашивают чаще всего">Частые вопросы</PageTitle>
      {faq.isError && <LoadError error={faq.error} onRetry={() => void faq.refetch()} />}
      {!faq.data && !faq.isError && <PageLoader />}
      {faq.data && <ArticleBody html={faq.data.html} />}
      {more.length > 0 && (
        <Stack gap="xs" component="section">
          <Title order={2} size="h3">
            Ещё по теме
          </Title>
          <List>
            {more.map((a) => (
              <List.Item key={a.slug}>
                <Anchor component={Link} to={`/help/${a.slug}`}>
                  {a.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Text>
        Вопрос о мероприятиях, школах и площадках вашего региона? <Anchor component={Link} to="/help/contacts" underline="always">Контакты регионального оператора</Anchor>.
      </Text>
    </Stack>
  );
}

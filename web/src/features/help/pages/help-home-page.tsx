import { useState } from 'react';
import { Anchor, Card, Chip, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { HELP_AUDIENCE_LABELS, HELP_AUDIENCES, HELP_TOPIC_LABELS, HELP_TOPICS, type HelpAudience } from '@common/help.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useArticles, useHelpSearch, type ArticleSummary } from '../api/help-api';
import { HelpNav } from '../components/help-nav';
import { SearchResults } from '../components/search-results';

const AUDIENCE_CHOICES = HELP_AUDIENCES.filter((a) => a !== 'everyone');

function byTopic(articles: ArticleSummary[]) {
  return HELP_TOPICS.map((topic) => ({ topic, articles: articles.filter((a) => a.topic === topic) })).filter((g) => g.articles.length > 0);
}

/** The help centre: search in plain words, and the articles by audience and topic. */
export function HelpHomePage() {
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(query, 300);
  const audienceParam = params.get('for');
  const audience: HelpAudience = AUDIENCE_CHOICES.find((a) => a === audienceParam) ?? 'participant';
  const articles = useArticles();
  const search = useHelpSearch(debounced);
  const searching = debounced.trim().length >= 2;

  const shown = (articles.data ?? []).filter((a) => a.audience === audience || a.audience === 'everyone');

  return (
    <Stack gap="md">
      <HelpNav />
      <PageTitle lead="Инструкции для участников, родителей, школ, площадок и региональных операторов">Справочный центр</PageTitle>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput
          label="Поиск по справочному центру"
          description="Напишите вопрос своими словами, например «как записаться на пробу»"
          value={query}
          maxLength={200}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setQuery(value);
            setParams(
              (p) => {
                if (value) p.set('q', value);
                else p.delete('q');
                return p;
              },
              { replace: true },
            );
          }}
          type="search"
          size="md"
        />
      </form>
      {searching && (
        <section aria-label="Результаты поиска" aria-live="polite">
          {search.isError && <LoadError error={search.error} />}
          {search.data && search.data.length === 0 && <Text>Ничего не нашлось. Попробуйте другие слова или спросите чат-бота.</Text>}
          {search.data && search.data.length > 0 && <SearchResults hits={search.data} />}
        </section>
      )}
      {!searching && (
        <>
          <Stack gap="xs">
            <Text fw={600} id="help-audience-label">
              Для кого
            </Text>
            <Chip.Group multiple={false} value={audience} onChange={(v) => setParams({ for: v })}>
              <Group gap="xs" role="group" aria-labelledby="help-audience-label">
                {AUDIENCE_CHOICES.map((a) => (
                  <Chip key={a} value={a}>
                    {HELP_AUDIENCE_LABELS[a]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          {articles.isError && <LoadError error={articles.error} onRetry={() => void articles.refetch()} />}
          {!articles.data && !articles.isError && <PageLoader />}
          {byTopic(shown).map((group) => (
            <Stack key={group.topic} gap="xs" component="section">
              <Title order={2} size="h3">
                {HELP_TOPIC_LABELS[group.topic]}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {group.articles.map((a) => (
                  <Card key={a.slug} withBorder padding="sm">
                    <Anchor component={Link} to={`/help/${a.slug}`} fw={600}>
                      {a.title}
                    </Anchor>
                    <Text size="sm">{a.summary}</Text>
                  </Card>
                ))}
              </SimpleGrid>
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}

import { Anchor, Card, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HelpSearchHit } from '../api/help-api';
import { Passage } from './passage';

/** Search hits: the article's title as a link and the passage that matched. */
export function SearchResults({ hits }: { hits: HelpSearchHit[] }) {
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {hits.map((hit) => (
        <Card key={hit.slug} withBorder component="li" padding="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/help/${hit.slug}`} fw={600}>
              {hit.title}
            </Anchor>
            <Passage parts={hit.passage} />
            {hit.passage.length === 0 && <Text size="sm">{hit.summary}</Text>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

import { Text } from '@mantine/core';
import type { HelpPassagePart } from '../api/help-api';

/** The matching passage of an article, its matched words marked; rendered as text, never as HTML. */
export function Passage({ parts }: { parts: HelpPassagePart[] }) {
  if (parts.length === 0) return null;
  return (
    <Text size="sm" c="gray.8">
      …{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}…
    </Text>
  );
}

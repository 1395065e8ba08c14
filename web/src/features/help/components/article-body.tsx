import { Typography } from '@mantine/core';

/**
 * An article's body. The HTML comes from the server's Markdown renderer and sanitiser (raw HTML in
 * a body is escaped there, links and images are limited to safe ones), so it is inserted as is.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <Typography className="help-article">
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

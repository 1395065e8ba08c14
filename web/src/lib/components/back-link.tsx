import { Link } from 'react-router';
import { Anchor } from '@mantine/core';

/** The way back up, above the page title. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {`← ${children}`}
    </Anchor>
  );
}

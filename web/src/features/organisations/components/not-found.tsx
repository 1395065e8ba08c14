import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';

/** For an address that names no region or organisation the page knows how to show. */
export function NotFound({ title, back }: { title: string; back: { to: string; label: string } }) {
  return (
    <Stack gap="sm" align="flex-start">
      <PageTitle>{title}</PageTitle>
      <Text>Проверьте адрес страницы или вернитесь к списку.</Text>
      <Anchor component={Link} to={back.to}>
        {back.label}
      </Anchor>
    </Stack>
  );
}

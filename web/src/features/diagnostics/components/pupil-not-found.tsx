import { Link } from 'react-router';
import { Button, Stack, Text } from '@mantine/core';
import { ApiError } from '@web/lib/api-client';
import { LoadError, PageTitle } from '@web/lib/components/page';

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * A pupil the server does not show this person reads as one that does not exist: a navigator of
 * another school, a parent not linked to the child. Any other failure is offered again.
 */
export function PupilLoadError({ error, onRetry, backTo, backLabel, title = 'Ученик не найден' }: {
  error: unknown;
  onRetry: () => void;
  backTo: string;
  backLabel: string;
  title?: string;
}) {
  if (!isNotFound(error)) return <LoadError error={error} onRetry={onRetry} />;
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{title}</PageTitle>
      <Text>Возможно, ссылка устарела или у вас нет доступа к результатам этого ученика.</Text>
      <Button component={Link} to={backTo} variant="outline">
        {backLabel}
      </Button>
    </Stack>
  );
}

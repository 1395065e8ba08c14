import { useNavigate } from 'react-router';
import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { useStartAttempt } from '../api/diagnostics-api';

export const attemptPath = (attemptId: string) => `/participant/diagnostics/attempts/${attemptId}`;

/**
 * Starts a test (or opens the attempt already begun) and goes to it. The visible word stays short;
 * the test's title completes the name, as a page may hold a dozen such buttons.
 */
export function StartTestButton({ slug, title, label, ...props }: { slug: string; title: string; label: string } & ButtonProps) {
  const start = useStartAttempt();
  const navigate = useNavigate();
  return (
    <Stack gap={4} align="flex-start">
      <Button
        {...props}
        aria-label={`${label}: ${title}`}
        loading={start.isPending}
        onClick={() => start.mutate(slug, { onSuccess: ({ attemptId }) => void navigate(attemptPath(attemptId)) })}
      >
        {label}
      </Button>
      {start.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(start.error)}
        </Text>
      )}
    </Stack>
  );
}

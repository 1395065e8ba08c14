import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { errorMessage } from '../api-client';
import { SITE_NAME } from '../site';

function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === SITE_NAME ? SITE_NAME : `${title} — ${SITE_NAME}`;
  }, [title]);
}

/** The one h1 of a page; it also names the browser tab. */
export function PageTitle({ children, lead }: { children: string; lead?: ReactNode }) {
  usePageTitle(children);
  return (
    <Stack gap="xs" mb="lg">
      <Title order={1}>{children}</Title>
      {lead && <Text size="lg">{lead}</Text>}
    </Stack>
  );
}

export function PageLoader({ label = 'Загружаем…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Loader />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Не получилось загрузить" role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button variant="outline" color="red.9" size="xs" onClick={onRetry}>
            Попробовать ещё раз
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** What just happened, said once and politely; the person closes it when they have read it. */
export function Notice({ title, color = 'green', onClose, children }: { title: string; color?: string; onClose: () => void; children: ReactNode }) {
  return (
    <Alert color={color} title={title} role="status" withCloseButton closeButtonLabel="Скрыть сообщение" onClose={onClose}>
      {children}
    </Alert>
  );
}

/** The message above a form for everything that has no field of its own. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" title="Не получилось" role="alert">
      {message}
    </Alert>
  );
}

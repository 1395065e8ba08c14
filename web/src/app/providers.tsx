import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/ru';
import { ApiError } from '../lib/api-client';
import { forgetPreviousPerson, sessionKey } from '../lib/session';
import { cssVariablesResolver, theme } from './theme';

/**
 * A 401 anywhere means the session ended (idle timeout, sign-out in another tab): the session
 * query learns it at once, so guarded pages send the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => signedOutBy(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => signedOutBy(error, null) }),
    defaultOptions: {
      queries: {
        // Only failures that may pass by themselves are worth another try.
        retry: (count, error) => count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      },
    },
  });
  function signedOutBy(error: unknown, key: readonly unknown[] | null) {
    if (error instanceof ApiError && error.status === 401 && key?.[0] !== sessionKey[0]) {
      queryClient.setQueryData(sessionKey, { account: null });
    }
  }
  forgetPreviousPerson(queryClient);
  return queryClient;
}

interface ProvidersProps {
  queryClient: QueryClient;
  /** "test" switches off Mantine's transitions and portals, which jsdom cannot run. */
  env?: 'default' | 'test';
  children: ReactNode;
}

export function Providers({ queryClient, env = 'default', children }: ProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light" env={env}>
        <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1 }}>
          <Notifications position="top-center" />
          {children}
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}

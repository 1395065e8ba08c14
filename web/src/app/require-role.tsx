import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Button, Stack, Text } from '@mantine/core';
import type { Role } from '@common/roles.js';
import { LoadError, PageLoader, PageTitle } from '../lib/components/page';
import { homePathFor, useSession } from '../lib/session';

interface Props {
  roles: readonly Role[];
  children: ReactNode;
}

/** Signed-in pages: nobody signed in goes to the sign-in page and comes back here afterwards. */
export function RequireRole({ roles, children }: Props) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  const account = session.data;
  if (!account) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (!roles.includes(account.role)) {
    return (
      <Stack gap="md" align="flex-start">
        <PageTitle>Эта страница для другого кабинета</PageTitle>
        <Text>Вы вошли под другой учётной записью. Ваш кабинет — по кнопке ниже.</Text>
        <Button component={Link} to={homePathFor(account.role)}>
          Перейти в мой кабинет
        </Button>
      </Stack>
    );
  }
  return children;
}

import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { Anchor, Badge, Box, Container, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../lib/api-client';
import { plural } from '../lib/format';
import { useNotifications } from '../lib/notifications';
import { homePathFor, useAuthConfig, useSession, useSignOut } from '../lib/session';
import { PageLoader } from '../lib/components/page';
import { SITE_NAME } from '../lib/site';
import { LazyHelpBot } from '../features/help/components/help-bot-lazy';

/**
 * The route handle of staff pages built around a wide table: they take the width of the screen
 * (up to a limit) instead of the reading width, so columns and status badges are not squeezed.
 */
export const TABLE_PAGE = { wide: true } as const;
const WIDE_WIDTH = 1760;

function usePageWidth(): 'md' | number {
  const wide = useMatches().some((m) => (m.handle as { wide?: boolean } | undefined)?.wide === true);
  return wide ? WIDE_WIDTH : 'md';
}

function CabinetLink({ home, withNotifications }: { home: string; withNotifications: boolean }) {
  const list = useNotifications(withNotifications);
  const unread = list.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <Anchor component={Link} to={home} fw={600}>
      <Group gap={6} wrap="nowrap" component="span">
        Кабинет
        {unread > 0 && (
          <Badge size="sm" variant="filled" circle={unread < 10} component="span">
            {unread}
            <VisuallyHidden>{` ${plural(unread, ['новое уведомление', 'новых уведомления', 'новых уведомлений'])}`}</VisuallyHidden>
          </Badge>
        )}
      </Group>
    </Anchor>
  );
}

function Header({ width }: { width: 'md' | number }) {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const account = session.data;

  return (
    <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size={width}>
        <Group justify="space-between" gap="sm">
          <Anchor component={Link} to="/" fw={800} size="md" c="bilet.8" underline="never">
            {SITE_NAME}
          </Anchor>
          <Group component="nav" aria-label="Основное меню" gap="xs">
            {account ? (
              <>
                <CabinetLink home={homePathFor(account.role)} withNotifications={account.gate === null} />
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  disabled={signOut.isPending}
                  onClick={() =>
                    signOut.mutate(undefined, {
                      onSuccess: () => void navigate('/'),
                      onError: (error) => notifications.show({ color: 'red', title: 'Не получилось выйти', message: errorMessage(error) }),
                    })
                  }
                >
                  Выйти
                </Anchor>
              </>
            ) : (
              !session.isPending && (
                <Anchor component={Link} to="/signin" fw={600}>
                  Войти
                </Anchor>
              )
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

function Footer({ width }: { width: 'md' | number }) {
  const config = useAuthConfig();
  return (
    <Box component="footer" py="lg" mt="xl" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size={width}>
        <Stack gap="xs">
          <Group gap="lg" component="nav" aria-label="Дополнительные ссылки">
            <Anchor component={Link} to="/help">
              Помощь и поддержка
            </Anchor>
            {config.data?.development && <Anchor href="/api/docs">Документация API</Anchor>}
            {config.data?.devMailbox && <Anchor href="/dev/mail">Почтовый ящик для разработки</Anchor>}
          </Group>
          <Text size="sm" c="dimmed">
            «{SITE_NAME}» — бесплатная программа профориентации для школьников 6–11 классов.
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

/**
 * After moving to another page, focus goes to the main content so that a screen reader starts
 * reading the new page, as it would after a full page load.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

export function Layout() {
  const mainRef = useFocusMainOnNavigation();
  const width = usePageWidth();
  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <Header width={width} />
      <Box component="main" id="main" tabIndex={-1} ref={mainRef} style={{ flex: 1 }}>
        <Container size={width} py="lg">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      <Footer width={width} />
      <LazyHelpBot />
    </Box>
  );
}

import { Suspense } from 'react';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Anchor, Box, Group, Stack } from '@mantine/core';
import { PageLoader } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { GATE_PATHS, INSTRUCTION_PATH, STAFF_NAV } from '../staff-nav';
import classes from './staff-layout.module.css';

/**
 * Every staff page sits in this frame: the role's sections as a wrapping row of links (it stays
 * usable on a phone), and the gate pages first when consent or a second factor is still missing.
 */
export function StaffLayout() {
  const session = useSession();
  const location = useLocation();
  const account = session.data;
  if (!account) return <PageLoader />;
  if (account.gate && location.pathname !== GATE_PATHS[account.gate]) return <Navigate to={GATE_PATHS[account.gate]} replace />;
  if (account.gate) return <Outlet />;
  const links = STAFF_NAV[account.role] ?? [];
  return (
    <Stack gap="lg">
      <Box component="nav" aria-label="Разделы кабинета">
        <Group gap={4} component="ul" className={classes.list}>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.to === '/staff'} className={classes.link}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </Group>
      </Box>
      {account.instructionPending && location.pathname !== INSTRUCTION_PATH && <InstructionBanner role={account.role} />}
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}

/** Pupils' data stays closed until the organisation accepts the operator's instruction: says who does it and where. */
function InstructionBanner({ role }: { role: string }) {
  const own = role === 'school' || role === 'venue';
  return (
    <Alert color="yellow" title="Данные учеников закрыты" role="status">
      {own
        ? 'Примите поручение оператора на обработку персональных данных — после этого откроются списки учеников, составы мероприятий и результаты. '
        : `Их откроет принятие поручения оператора: его принимает администратор вашей ${role === 'navigator' ? 'школы' : 'площадки'}. `}
      <Anchor component={NavLink} to={INSTRUCTION_PATH}>
        {own ? 'Открыть поручение' : 'Прочитать поручение'}
      </Anchor>
    </Alert>
  );
}

import { useState } from 'react';
import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { INVITABLE_ROLES } from '@common/permissions.js';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '@common/roles.js';
import { DataTable, filterSelectProps, type Column } from '@web/lib/components/data-table';
import { FormDialog } from '@web/lib/components/form-dialog';
import { ListSelect } from '@web/lib/components/list-select';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { RegionSelect } from '@web/lib/components/reference-select';
import { fullName } from '@web/lib/format';
import { listQueryString, useListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { useStaffList, type StaffListItem } from '../api/staff-api';
import { InviteStaffForm } from '../components/invite-staff-form';
import { MentorForm } from '../components/mentor-form';
import { StaffActions } from '../components/staff-actions';
import { StaffStatusBadge } from '../components/status-badge';
import { STAFF_STATUS } from '../labels';

const FILTERS = ['role', 'status', 'regionId'] as const;

const TITLES: Partial<Record<Role, { title: string; lead: string }>> = {
  issuer_admin: { title: 'Координаторы и сотрудники', lead: 'Региональные координаторы, методологи и администраторы программы. Новых приглашайте по электронной почте.' },
  regional_coordinator: { title: 'Сотрудники региона', lead: 'Сотрудники школ и площадок вашего региона.' },
  school: { title: 'Навигаторы и сотрудники', lead: 'Педагоги-навигаторы сопровождают учеников в программе. Пригласите их по электронной почте.' },
  venue: { title: 'Наставники и сотрудники', lead: 'Наставники проводят профессиональные пробы. Укажите компетенции, по которым они работают.' },
};

/** The roles a list may be narrowed to: what the viewer can see at all. */
const VISIBLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  issuer_admin: STAFF_ROLES,
  regional_coordinator: ['regional_coordinator', 'school', 'venue', 'navigator', 'mentor'],
  school: ['school', 'navigator'],
  venue: ['venue', 'mentor'],
};

const STATUS_OPTIONS = Object.entries(STAFF_STATUS).map(([value, { label }]) => ({ value, label }));

export function TeamPage() {
  const session = useSession();
  const { state, update } = useListState('name', FILTERS);
  const list = useStaffList(listQueryString(state));
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffListItem | null>(null);
  const account = session.data;
  if (!account) return <PageLoader />;

  const invitable = INVITABLE_ROLES[account.role] ?? [];
  const isIssuer = account.role === 'issuer_admin';
  const isVenue = account.role === 'venue';
  const text = TITLES[account.role] ?? { title: 'Сотрудники', lead: '' };
  const setFilter = (name: string) => (value: string | null) => update({ filters: { [name]: value ?? '' } });

  const columns: Column<StaffListItem>[] = [
    {
      key: 'name',
      label: 'ФИО и почта',
      sortable: true,
      render: (s) => (
        <>
          <Text fw={600}>{fullName(s)}</Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {s.email}
          </Text>
        </>
      ),
    },
    { key: 'role', label: 'Роль', sortable: true, render: (s) => ROLE_LABELS[s.role] },
    { key: 'place', label: 'Где работает', render: (s) => [s.organisationName, s.regionName].filter(Boolean).join(', ') || '—' },
    { key: 'position', label: 'Должность', render: (s) => s.position ?? '—' },
    ...(isVenue ? [{ key: 'competencies', label: 'Компетенции', render: (s: StaffListItem) => s.competencies.join(', ') || '—' }] : []),
    { key: 'status', label: 'Статус', sortable: true, render: (s) => <StaffStatusBadge status={s.status} /> },
    {
      key: 'actions',
      label: 'Действия',
      render: (s) => (
        <Group gap="xs" wrap="wrap">
          {isVenue && s.role === 'mentor' && s.status !== 'disabled' && (
            <Button size="xs" variant="light" onClick={() => setEditing(s)}>
              Изменить
              <VisuallyHidden>{`: ${fullName(s)}`}</VisuallyHidden>
            </Button>
          )}
          <StaffActions member={s} viewer={account} />
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle lead={text.lead}>{text.title}</PageTitle>
      {invitable.length > 0 && (
        <Group>
          <Button onClick={() => setInviting(true)}>Пригласить сотрудника</Button>
        </Group>
      )}
      <DataTable
        caption={text.title}
        columns={columns}
        rowKey={(s) => s.id}
        query={list}
        state={state}
        onChange={update}
        searchLabel="ФИО или почта"
        empty="По этим условиям никого нет."
        filters={
          <>
            <ListSelect
              label="Роль"
              data={(VISIBLE_ROLES[account.role] ?? []).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              value={state.filters.role || null}
              onChange={setFilter('role')}
              {...filterSelectProps}
            />
            <ListSelect label="Статус" data={STATUS_OPTIONS} value={state.filters.status || null} onChange={setFilter('status')} {...filterSelectProps} />
            {isIssuer && (
              <RegionSelect
                label="Регион"
                nothingFoundMessage="Такого региона нет"
                value={state.filters.regionId || null}
                onChange={setFilter('regionId')}
                {...filterSelectProps}
              />
            )}
          </>
        }
      />
      <FormDialog opened={inviting} onClose={() => setInviting(false)} title="Пригласить сотрудника">
        <InviteStaffForm roles={invitable} onDone={() => setInviting(false)} />
      </FormDialog>
      <FormDialog opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Наставник: ${fullName(editing)}` : ''}>
        {editing && <MentorForm mentor={editing} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}

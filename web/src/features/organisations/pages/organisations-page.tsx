import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ORGANISATION_KINDS, type OrganisationKind } from '@common/organisations.js';
import { DataTable, type Column } from '@web/lib/components/data-table';
import { FormDialog } from '@web/lib/components/form-dialog';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { listQueryString, useListState, type ListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { useOrganisationList, type OrganisationListItem } from '../api/organisations-api';
import { OrganisationFilters } from '../components/organisation-filters';
import { RegisterOrganisationForm } from '../components/register-organisation-form';
import { OrganisationStatusBadge } from '../components/status-badge';

const FILTERS = ['kind', 'regionId', 'cityId', 'status'] as const;

const KIND_TEXT: Record<OrganisationKind, { tab: string; register: string; size: string; empty: string; registered: string }> = {
  school: {
    tab: 'Школы',
    register: 'Зарегистрировать школу',
    size: 'Участников',
    empty: 'Школ по этим условиям нет.',
    registered: 'Школа зарегистрирована',
  },
  venue: {
    tab: 'Площадки',
    register: 'Зарегистрировать площадку',
    size: 'Мест проведения',
    empty: 'Площадок по этим условиям нет.',
    registered: 'Площадка зарегистрирована',
  },
};

function columns(kind: OrganisationKind, withRegion: boolean): Column<OrganisationListItem>[] {
  return [
    {
      key: 'name',
      label: 'Название',
      sortable: true,
      render: (o) => (
        <Anchor component={Link} to={`/staff/organisations/${kind}/${o.id}`} fw={600}>
          {o.name}
        </Anchor>
      ),
    },
    ...(withRegion ? [{ key: 'region', label: 'Регион', render: (o: OrganisationListItem) => o.regionName }] : []),
    { key: 'city', label: 'Город', sortable: true, render: (o) => o.cityName },
    { key: 'inn', label: 'ИНН', render: (o) => o.inn ?? '—' },
    { key: 'pupils', label: KIND_TEXT[kind].size, sortable: true, render: (o) => o.size },
    { key: 'staff', label: 'Сотрудников', render: (o) => o.staffCount },
    { key: 'status', label: 'Статус', sortable: true, render: (o) => <OrganisationStatusBadge status={o.status} /> },
    { key: 'createdAt', label: 'Зарегистрирована', sortable: true, render: (o) => formatDate(o.createdAt) },
  ];
}

interface TableProps {
  kind: OrganisationKind;
  ownRegionId: number | null;
  state: ListState;
  update: (change: Partial<ListState>) => void;
}

function OrganisationTable({ kind, ownRegionId, state, update }: TableProps) {
  const list = useOrganisationList(kind, listQueryString({ ...state, filters: { ...state.filters, kind } }));
  return (
    <DataTable
      caption={KIND_TEXT[kind].tab}
      columns={columns(kind, ownRegionId === null)}
      rowKey={(o) => o.id}
      query={list}
      state={state}
      onChange={update}
      searchLabel="Название, адрес или ИНН"
      filters={<OrganisationFilters state={state} onChange={update} ownRegionId={ownRegionId} />}
      empty={KIND_TEXT[kind].empty}
    />
  );
}

/** Schools and venues: the whole country for the issuer, the coordinator's region for the coordinator. */
export function OrganisationsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { state, update } = useListState('name', FILTERS);
  const [registering, setRegistering] = useState(false);
  const account = session.data;
  if (!account) return <PageLoader />;
  const kind: OrganisationKind = state.filters.kind === 'venue' ? 'venue' : 'school';
  const ownRegionId = account.role === 'issuer_admin' ? null : account.regionId;
  const mayRegister = account.role === 'regional_coordinator' && account.regionId !== null;

  return (
    <Stack gap="md">
      <PageTitle
        lead={
          mayRegister
            ? 'Школы и площадки вашего региона. Зарегистрируйте новую — её ответственному лицу придёт приглашение.'
            : 'Школы и площадки программы во всех регионах.'
        }
      >
        Школы и площадки
      </PageTitle>
      <Tabs
        value={kind}
        // A new kind keeps the search but starts from its first page with its own sort.
        onChange={(value) => update({ sort: 'name', order: 'asc', filters: { kind: value === 'venue' ? 'venue' : '' } })}
        keepMounted={false}
      >
        <Tabs.List aria-label="Вид организаций">
          {ORGANISATION_KINDS.map((k) => (
            <Tabs.Tab value={k} key={k}>
              {KIND_TEXT[k].tab}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {ORGANISATION_KINDS.map((k) => (
          <Tabs.Panel value={k} key={k} pt="md">
            <Stack gap="md">
              {mayRegister && (
                <Group>
                  <Button onClick={() => setRegistering(true)}>{KIND_TEXT[k].register}</Button>
                </Group>
              )}
              <OrganisationTable kind={k} ownRegionId={ownRegionId} state={state} update={update} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      {mayRegister && (
        <FormDialog opened={registering} onClose={() => setRegistering(false)} title={KIND_TEXT[kind].register}>
          <RegisterOrganisationForm
            kind={kind}
            regionId={account.regionId!}
            onDone={({ id, responsibleEmail }) => {
              setRegistering(false);
              notifications.show({ color: 'green', title: KIND_TEXT[kind].registered, message: `Приглашение ответственному лицу ушло на ${responsibleEmail}` });
              void navigate(`/staff/organisations/${kind}/${id}`);
            }}
          />
        </FormDialog>
      )}
      {!mayRegister && account.role === 'regional_coordinator' && (
        <Text c="dimmed">Регистрировать организации можно, когда учётная запись привязана к региону.</Text>
      )}
    </Stack>
  );
}

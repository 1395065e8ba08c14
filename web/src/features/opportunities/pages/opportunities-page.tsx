import { Anchor, Badge, Button, Group, Select, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { OPPORTUNITY_KINDS, OPPORTUNITY_KIND_LABELS, OPPORTUNITY_STATUS_LABELS, type StaffOpportunitySummary } from '@common/guidance.js';
import { DataTable, filterSelectProps, type Column } from '@web/lib/components/data-table';
import { PageLoader, PageTitle } from '@web/lib/components/page';
import { useListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { useStaffOpportunities } from '../api/opportunities-api';

const grades = (o: Pick<StaffOpportunitySummary, 'gradeFrom' | 'gradeTo'>) => (o.gradeFrom === o.gradeTo ? `${o.gradeFrom}` : `${o.gradeFrom}–${o.gradeTo}`);

/** The opportunities the coordinator (its region's) or the issuer (all; it keeps the federal ones) looks after. */
export function OpportunitiesPage() {
  const session = useSession();
  const { state, update } = useListState('title', ['kind']);
  const list = useStaffOpportunities(state);
  const role = session.data?.role;
  if (!role) return <PageLoader />;
  const issuer = role === 'issuer_admin';

  const columns: Column<StaffOpportunitySummary>[] = [
    {
      key: 'title',
      label: 'Название',
      sortable: true,
      render: (o) => (
        <Anchor component={Link} to={`/staff/opportunities/${o.id}/edit`} fw={600}>
          {o.title}
        </Anchor>
      ),
    },
    { key: 'kind', label: 'Вид', render: (o) => OPPORTUNITY_KIND_LABELS[o.kind] },
    { key: 'provider', label: 'Организация', render: (o) => o.provider },
    { key: 'place', label: 'Где', render: (o) => (o.online ? 'Онлайн' : (o.cityName ?? '—')) },
    { key: 'grades', label: 'Классы', render: grades },
    ...(issuer ? [{ key: 'region', label: 'Регион', render: (o: StaffOpportunitySummary) => o.regionName ?? 'Федеральная' }] : []),
    {
      key: 'status',
      label: 'Статус',
      render: (o) => (
        <Badge variant="light" color={o.status === 'published' ? 'green.9' : 'gray.8'}>
          {OPPORTUNITY_STATUS_LABELS[o.status]}
        </Badge>
      ),
    },
  ];

  return (
    <Stack gap="lg">
      <PageTitle
        lead={
          issuer
            ? 'Федеральные возможности ведёте вы; возможности регионов ведут их координаторы, здесь они видны для справки.'
            : 'Колледжи, вузы, кружки, олимпиады, работодатели и онлайн-курсы региона: их увидят школьники и родители.'
        }
      >
        {issuer ? 'Возможности' : 'Возможности региона'}
      </PageTitle>
      <Group>
        <Button component={Link} to="/staff/opportunities/new">
          Добавить возможность
        </Button>
        <Button component={Link} to="/staff/opportunities/import" variant="default">
          Загрузить из файла
        </Button>
      </Group>
      <DataTable
        caption="Возможности"
        columns={columns}
        rowKey={(o) => o.id}
        query={list}
        state={state}
        onChange={update}
        searchLabel="Поиск по названию или организации"
        filters={
          <Select
            {...filterSelectProps}
            label="Вид"
            data={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: OPPORTUNITY_KIND_LABELS[k] }))}
            value={state.filters.kind || null}
            onChange={(value) => update({ filters: { kind: value ?? '' } })}
          />
        }
        empty={state.q || state.filters.kind ? 'Ничего не нашлось — измените запрос или фильтр.' : 'Возможностей пока нет. Добавьте первую или загрузите файл.'}
      />
    </Stack>
  );
}

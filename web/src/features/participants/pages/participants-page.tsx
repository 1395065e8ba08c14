import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { PARTICIPANT_STATUS_FILTERS } from '@common/participants.js';
import { MAX_ASSIGN_AT_ONCE, type ParticipantListItem } from '@common/schemas/participants.js';
import type { Role } from '@common/roles.js';
import { GRADE_OPTIONS } from '@web/lib/child-form';
import { DataTable, type Column } from '@web/lib/components/data-table';
import { ListSelect } from '@web/lib/components/list-select';
import { Notice, PageLoader, PageTitle } from '@web/lib/components/page';
import { fullName, plural } from '@web/lib/format';
import { useListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { useParticipants, useRegionSchools, useSchoolNavigators } from '../api/participants-api';
import { AssignNavigatorDialog } from '../components/assign-navigator-dialog';
import { ParticipantStatuses } from '../components/participant-statuses';
import { PersonalDataDialog } from '../components/personal-data-dialog';
import { RegisterParticipantDialog } from '../components/register-participant-dialog';

const TITLES: Partial<Record<Role, { title: string; lead: string }>> = {
  school: {
    title: 'Участники',
    lead: 'Ученики вашей школы в программе: кто активировал кабинет, связал его с родителем и получил согласие.',
  },
  navigator: { title: 'Мои участники', lead: 'Ученики, которых школа закрепила за вами, и что каждому ещё осталось сделать.' },
  regional_coordinator: { title: 'Участники региона', lead: 'Ученики школ вашего региона. СНИЛС показан не полностью.' },
  issuer_admin: { title: 'Участники программы', lead: 'Ученики всех регионов. СНИЛС показан не полностью.' },
};

const STATUS_FILTER = Object.entries(PARTICIPANT_STATUS_FILTERS).map(([value, label]) => ({ value, label }));
const FILTERS = ['grade', 'status', 'navigatorId', 'schoolId'] as const;

type NoticeText = { color: 'green' | 'blue'; title: string; text: string };

/** Why the table is empty: the search, or nobody yet, said in the words of whoever looks. */
function emptyText(role: Role, filtered: boolean): string {
  if (filtered) return 'Ничего не нашлось — измените поиск или фильтры.';
  if (role === 'school') return 'В школе пока нет участников. Зарегистрируйте первого или загрузите список класса из файла.';
  if (role === 'navigator') return 'Школа пока не закрепила за вами учеников.';
  return 'Участников пока нет.';
}

/**
 * The pupils a staff member looks after, searched, sorted and paged on the server («Показать ещё»
 * follows a cursor: a region's list has no page numbers). A school also
 * registers pupils here, assigns them to navigators and may open a pupil's personal data.
 */
export function ParticipantsPage() {
  const session = useSession();
  const account = session.data;
  const { state, update } = useListState('name', FILTERS);
  const participants = useParticipants(state);
  const isSchool = account?.role === 'school';
  const navigators = useSchoolNavigators(isSchool);
  const schools = useRegionSchools(account?.role === 'regional_coordinator' ? account.regionId : null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [registering, setRegistering] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [revealing, setRevealing] = useState<ParticipantListItem | null>(null);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  if (!account) return <PageLoader />;

  const role = account.role;
  const showSchool = role === 'issuer_admin' || role === 'regional_coordinator';
  const columns: Column<ParticipantListItem>[] = [
    { key: 'name', label: 'Ученик', sortable: true, render: (p) => <Text fw={600}>{fullName(p)}</Text> },
    { key: 'grade', label: 'Класс', sortable: true, render: (p) => String(p.grade) },
    // Not sortable: a region's pupils by school name cannot be paged from an index; the school filter picks one.
    ...(showSchool ? [{ key: 'school', label: 'Школа', render: (p: ParticipantListItem) => p.school?.name ?? '—' }] : []),
    {
      key: 'snils',
      label: 'СНИЛС',
      // A plain span cannot carry a name of its own, and the stars would be read out one by one.
      render: (p) => (
        <>
          <span aria-hidden>{p.snilsMasked}</span>
          <VisuallyHidden>{`СНИЛС, последние цифры ${p.snilsMasked.slice(-2)}`}</VisuallyHidden>
        </>
      ),
    },
    { key: 'status', label: 'Статус', render: (p) => <ParticipantStatuses participant={p} /> },
    ...(role === 'navigator' ? [] : [{ key: 'navigator', label: 'Навигатор', render: (p: ParticipantListItem) => p.navigator?.name ?? '—' }]),
    // A navigator reads the diagnostics of the pupils assigned to it (the pages live in features/diagnostics).
    ...(role === 'navigator'
      ? [
          {
            key: 'diagnostics',
            label: 'Диагностика',
            render: (p: ParticipantListItem) => (
              <Anchor component={Link} to={`/staff/pupils/${p.id}/diagnostics`} state={{ name: fullName(p) }} aria-label={`Результаты диагностики: ${fullName(p)}`}>
                Результаты диагностики
              </Anchor>
            ),
          },
        ]
      : []),
    ...(isSchool
      ? [
          {
            key: 'actions',
            label: 'Действия',
            render: (p: ParticipantListItem) => (
              <Button size="xs" variant="outline" aria-label={`Показать СНИЛС и документ: ${fullName(p)}`} onClick={() => setRevealing(p)}>
                СНИЛС и документ
              </Button>
            ),
          },
        ]
      : []),
  ];

  const filters = (
    <>
      <ListSelect
        label="Класс"
        placeholder="Все классы"
        data={GRADE_OPTIONS}
        clearable
        value={state.filters.grade || null}
        onChange={(value) => update({ filters: { grade: value ?? '' } })}
        w={{ base: '100%', sm: 150 }}
      />
      <ListSelect
        label="Что не сделано"
        placeholder="Все ученики"
        data={STATUS_FILTER}
        clearable
        value={state.filters.status || null}
        onChange={(value) => update({ filters: { status: value ?? '' } })}
        w={{ base: '100%', sm: 240 }}
      />
      {isSchool && (
        <ListSelect
          label="Навигатор"
          placeholder="Все навигаторы"
          data={(navigators.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
          clearable
          searchable
          value={state.filters.navigatorId || null}
          onChange={(value) => update({ filters: { navigatorId: value ?? '' } })}
          w={{ base: '100%', sm: 260 }}
        />
      )}
      {role === 'regional_coordinator' && (
        <ListSelect
          label="Школа"
          placeholder="Все школы региона"
          data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          clearable
          searchable
          value={state.filters.schoolId || null}
          onChange={(value) => update({ filters: { schoolId: value ?? '' } })}
          w={{ base: '100%', sm: 300 }}
        />
      )}
    </>
  );

  const filtered = Boolean(state.q || FILTERS.some((f) => state.filters[f]));
  const heading = TITLES[role] ?? TITLES.school!;
  return (
    <Stack gap="lg">
      <PageTitle lead={heading.lead}>{heading.title}</PageTitle>
      {isSchool && (
        <Group gap="sm">
          <Button onClick={() => setRegistering(true)}>Зарегистрировать участника</Button>
          <Button component={Link} to="/staff/imports" variant="outline">
            Загрузить список из файла
          </Button>
        </Group>
      )}
      {notice && (
        <Notice color={notice.color} title={notice.title} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      {isSchool && selected.size > 0 && (
        <Group gap="sm" role="region" aria-label="Действия с выбранными учениками">
          <Text size="sm">{`Выбрано: ${selected.size} ${plural(selected.size, ['ученик', 'ученика', 'учеников'])}`}</Text>
          <Button size="sm" onClick={() => setAssigning(true)} disabled={selected.size > MAX_ASSIGN_AT_ONCE}>
            Назначить навигатора
          </Button>
          <Button size="sm" variant="subtle" onClick={() => setSelected(new Set())}>
            Снять выбор
          </Button>
          {selected.size > MAX_ASSIGN_AT_ONCE && <Text size="sm">{`За раз — не больше ${MAX_ASSIGN_AT_ONCE} учеников.`}</Text>}
        </Group>
      )}
      <DataTable
        caption={heading.title}
        columns={columns}
        rowKey={(p) => p.id}
        cursorQuery={participants}
        state={state}
        onChange={update}
        searchLabel="Поиск по ФИО или почте"
        // The server lists the last names that start with the search first when the list is by name.
        {...(state.sort === 'name' ? { searchHint: 'Сначала — те, чья фамилия начинается с запроса' } : {})}
        filters={filters}
        empty={emptyText(role, filtered)}
        {...(isSchool ? { selection: { selected, onChange: setSelected } } : {})}
      />
      {registering && (
        <RegisterParticipantDialog
          onClose={() => setRegistering(false)}
          onRegistered={(result, name, email) => {
            setRegistering(false);
            setNotice(
              result.outcome === 'created'
                ? { color: 'green', title: 'Участник зарегистрирован', text: `${name}: письмо со ссылкой для входа отправлено на ${email}.` }
                : {
                    color: 'blue',
                    title: 'Ребёнок уже был в программе',
                    text: `${name}: профиль ребёнка найден и прикреплён к вашей школе. Второй профиль не создан, данные профиля не изменились.`,
                  },
            );
          }}
        />
      )}
      {assigning && (
        <AssignNavigatorDialog
          participantIds={[...selected]}
          onClose={() => setAssigning(false)}
          onAssigned={(text) => {
            setAssigning(false);
            setSelected(new Set());
            setNotice({ color: 'green', title: 'Сохранено', text });
          }}
        />
      )}
      {revealing && <PersonalDataDialog participant={revealing} onClose={() => setRevealing(null)} />}
    </Stack>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Anchor, Autocomplete, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { AUDIT_ACTION_LABELS } from '@common/audit.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import type { AuditPersonRef, AuditRow } from '@common/schemas/audit.js';
import { formatDateTime } from '@web/lib/format';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useSession } from '@web/lib/session';
import { AUDIT_FILTER_KEYS, auditExportHref, useAuditAlerts, useAuditSearch, type AuditFilterValues } from '../api/audit-api';

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label} (${value})` }));

const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
const roleLabel = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : 'система');

function Person({ person }: { person: AuditPersonRef | null }) {
  if (!person) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {person.name && <Text size="sm">{person.name}</Text>}
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {person.id}
      </Text>
    </Stack>
  );
}

function detailsText(row: AuditRow): string {
  return Object.entries(row.details)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilterValues;
}

function AlertsPanel({ onShowActor }: { onShowActor: (id: string) => void }) {
  const alerts = useAuditAlerts();
  if (alerts.isPending) return <PageLoader label="Загружаем предупреждения…" />;
  if (alerts.isError) return <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const items = alerts.data.pages.flatMap((p) => p.alerts);
  const threshold = alerts.data.pages[0]?.threshold;
  return (
    <Card withBorder component="section" aria-labelledby="audit-alerts">
      <Title order={2} size="h4" id="audit-alerts" mb="xs">
        Предупреждения
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Приходят, когда сотрудник за час открывает персональные данные больше {threshold} раз. По каждому сотруднику — не чаще раза в час.
      </Text>
      {items.length === 0 ? (
        <Text>Предупреждений нет.</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <Group component="li" key={a.id} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                <b>{a.actor.name ?? a.actor.id}</b> ({roleLabel(a.actorRole)}) — {a.revealed} за час при пороге {a.threshold}; {formatDateTime(a.createdAt)}
              </Text>
              <Button variant="light" size="xs" onClick={() => onShowActor(a.actor.id)}>
                Показать действия сотрудника
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {alerts.hasNextPage && (
        <Button variant="subtle" mt="sm" loading={alerts.isFetchingNextPage} onClick={() => void alerts.fetchNextPage()}>
          Ещё предупреждения
        </Button>
      )}
    </Card>
  );
}

function ResultRows({ rows }: { rows: AuditRow[] }) {
  return (
    <>
      <Table.ScrollContainer minWidth={800} visibleFrom="sm">
        <Table striped>
          <Table.Caption>Записи журнала, сначала новые</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Когда</Table.Th>
              <Table.Th>Действие</Table.Th>
              <Table.Th>Кто</Table.Th>
              <Table.Th>С кем или с чем</Table.Th>
              <Table.Th>IP-адрес</Table.Th>
              <Table.Th>Подробности</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{actionLabel(r.action)}</Text>
                  <Text size="xs" c="dimmed">
                    {r.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Person person={r.actor} />
                  <Text size="xs" c="dimmed">
                    {roleLabel(r.actorRole)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Person person={r.subject} />
                </Table.Td>
                <Table.Td>{r.ip ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs">{detailsText(r)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack hiddenFrom="sm" gap="sm" component="ul" aria-label="Записи журнала, сначала новые" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <Card withBorder component="li" key={r.id} padding="sm">
            <Text fw={600}>{actionLabel(r.action)}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(r.at)}
              {r.ip ? `, ${r.ip}` : ''}
            </Text>
            <Text size="sm" mt="xs">
              Кто: {r.actor?.name ?? r.actor?.id ?? 'система'} ({roleLabel(r.actorRole)})
            </Text>
            {r.subject && <Text size="sm">С кем или с чем: {r.subject.name ?? r.subject.id}</Text>}
            {Object.keys(r.details).length > 0 && <Text size="xs">{detailsText(r)}</Text>}
          </Card>
        ))}
      </Stack>
    </>
  );
}

/** The issuer's and the coordinator's review of the audit log: alerts, search, results and files. */
export function AuditPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const [form, setForm] = useState<AuditFilterValues>(applied);
  const paramsKey = params.toString();
  // The form follows the address when a link (an alert, the back button) changes the filters.
  useEffect(() => setForm(filtersFrom(new URLSearchParams(paramsKey))), [paramsKey]);
  const search = useAuditSearch(applied);
  const coordinator = session.data?.role === 'regional_coordinator';

  const apply = (values: AuditFilterValues) => {
    const next = new URLSearchParams();
    for (const key of AUDIT_FILTER_KEYS) if (values[key].trim()) next.set(key, values[key].trim());
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(form);
  };
  const field = (key: keyof AuditFilterValues) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  const rows = search.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <Stack>
      <PageTitle
        lead={
          coordinator
            ? 'Действия, в которых участвуют люди и организации вашего региона. Каждый показанный здесь человек отмечается в журнале как просмотр его данных.'
            : 'Все действия на платформе. Каждый показанный здесь человек отмечается в журнале как просмотр его данных.'
        }
      >
        Журнал аудита
      </PageTitle>
      <AlertsPanel onShowActor={(id) => apply({ person: '', actor: id, action: '', from: '', to: '' })} />
      <Card withBorder component="section" aria-labelledby="audit-search">
        <Title order={2} size="h4" id="audit-search" mb="sm">
          Поиск
        </Title>
        <form onSubmit={submit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput label="Человек, о котором запись" description="ID учётной записи или e-mail" {...field('person')} />
            <TextInput label="Кто совершил действие" description="ID учётной записи или e-mail" {...field('actor')} />
            <Autocomplete
              label="Действие"
              description="Код действия, например pd.viewed"
              data={ACTION_OPTIONS}
              value={form.action}
              onChange={(value) => setForm((f) => ({ ...f, action: value }))}
            />
            <TextInput type="date" label="С даты" description="По московскому времени" {...field('from')} />
            <TextInput type="date" label="По дату включительно" {...field('to')} />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit">Найти</Button>
            <Button
              variant="default"
              onClick={() => {
                const empty = { person: '', actor: '', action: '', from: '', to: '' };
                setForm(empty);
                apply(empty);
              }}
            >
              Сбросить
            </Button>
          </Group>
        </form>
      </Card>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Найденные записи
        </Title>
        <Group gap="sm">
          <Text size="sm">Скачать найденное:</Text>
          <Anchor href={auditExportHref(applied, 'xlsx')} download size="sm">
            XLSX
          </Anchor>
          <Anchor href={auditExportHref(applied, 'csv')} download size="sm">
            CSV
          </Anchor>
        </Group>
      </Group>
      {search.isPending ? (
        <PageLoader label="Ищем записи…" />
      ) : search.isError ? (
        <LoadError error={search.error} />
      ) : rows.length === 0 ? (
        <Text>Записей не найдено. Измените условия поиска.</Text>
      ) : (
        <>
          <Badge variant="light" w="fit-content">
            Показано записей: {rows.length}
          </Badge>
          <ResultRows rows={rows} />
          {search.hasNextPage && (
            <Button variant="default" w="fit-content" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              Показать ещё
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

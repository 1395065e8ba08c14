import { useState } from 'react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import {
  describePaperConsentFile,
  paperConsentFileUrl,
  type PaperConsentView,
} from '@common/schemas/paper-consents.js';
import { DataTable, type Column } from '@web/lib/components/data-table';
import { ListSelect } from '@web/lib/components/list-select';
import { Notice, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime, fullName } from '@web/lib/format';
import { useListState } from '@web/lib/list-state';
import { useSession } from '@web/lib/session';
import { usePaperConsents } from '../api/paper-consents-api';
import { AssignDialog } from '../components/assign-dialog';
import { UploadForm, UploadedNotice } from '../components/upload-form';

const ASSIGNED_FILTER = [
  { value: 'false', label: 'Ученик не отмечен' },
  { value: 'true', label: 'Ученик отмечен' },
];

function FileCell({ consent }: { consent: PaperConsentView }) {
  return (
    <Stack gap={2}>
      <Anchor href={paperConsentFileUrl(consent.id)} download={consent.fileName} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {consent.fileName}
      </Anchor>
      <Text size="sm" c="dimmed">
        {describePaperConsentFile(consent)}
      </Text>
    </Stack>
  );
}

/**
 * Scans of consents parents signed on paper. The school uploads them and marks whose each one is,
 * so the parents see it in their cabinet; the coordinator reads its region's scans school by school.
 */
export function PaperConsentsPage() {
  const session = useSession();
  const { state, update } = useListState('uploadedAt', ['assigned'], 'desc');
  const consents = usePaperConsents(state);
  const [assigning, setAssigning] = useState<PaperConsentView | null>(null);
  const [notice, setNotice] = useState<{ kind: 'uploaded' | 'assigned'; consent: PaperConsentView } | null>(null);
  const account = session.data;
  if (!account) return <PageLoader />;

  const isSchool = account.role === 'school';
  const columns: Column<PaperConsentView>[] = [
    ...(isSchool ? [] : [{ key: 'school', label: 'Школа', sortable: true, render: (c: PaperConsentView) => c.school.name }]),
    { key: 'fileName', label: 'Файл', sortable: true, render: (c) => <FileCell consent={c} /> },
    {
      key: 'child',
      label: 'Ученик',
      sortable: true,
      render: (c) => (c.child ? fullName(c.child) : <Text c="dimmed">Не отмечен</Text>),
    },
    { key: 'uploadedAt', label: 'Загружен', sortable: true, render: (c) => formatDateTime(c.uploadedAt) },
    ...(isSchool
      ? [
          {
            key: 'actions',
            label: 'Действия',
            render: (c: PaperConsentView) => (
              <Button
                size="sm"
                variant={c.child ? 'outline' : 'filled'}
                aria-label={`${c.child ? 'Изменить ученика' : 'Отметить ученика'}: «${c.fileName}»`}
                onClick={() => setAssigning(c)}
              >
                {c.child ? 'Изменить' : 'Отметить ученика'}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="lg">
      <PageTitle
        lead={
          isSchool
            ? 'Сканы согласий, которые родители подписали на бумаге. Загрузите скан и отметьте ученика — родители увидят его в своём кабинете.'
            : 'Сканы бумажных согласий, загруженные школами региона.'
        }
      >
        Бумажные согласия
      </PageTitle>
      {isSchool && <UploadForm onUploaded={(consent) => setNotice({ kind: 'uploaded', consent })} />}
      {notice?.kind === 'uploaded' && (
        <UploadedNotice consent={notice.consent} onAssign={() => setAssigning(notice.consent)} onClose={() => setNotice(null)} />
      )}
      {notice?.kind === 'assigned' && (
        <Notice title="Сохранено" onClose={() => setNotice(null)}>
          {notice.consent.child
            ? `Скан «${notice.consent.fileName}» отмечен как согласие ученика: ${fullName(notice.consent.child)}.`
            : `Со скана «${notice.consent.fileName}» снята отметка ученика.`}
        </Notice>
      )}
      <DataTable
        caption="Сканы бумажных согласий"
        columns={columns}
        rowKey={(c) => c.id}
        query={consents}
        state={state}
        onChange={update}
        searchLabel={isSchool ? 'Поиск по ученику или файлу' : 'Поиск по школе, ученику или файлу'}
        filters={
          <ListSelect
            label="Отметка ученика"
            placeholder="Все сканы"
            data={ASSIGNED_FILTER}
            clearable
            value={state.filters.assigned || null}
            onChange={(value) => update({ filters: { assigned: value ?? '' } })}
            w={{ base: '100%', sm: 240 }}
          />
        }
        empty={
          state.q || state.filters.assigned
            ? 'Ничего не нашлось — измените поиск или фильтр.'
            : isSchool
              ? 'Сканов пока нет. Загрузите первый — форма выше.'
              : 'Школы региона пока не загружали сканов.'
        }
      />
      {assigning && (
        <AssignDialog
          consent={assigning}
          onClose={() => setAssigning(null)}
          onSaved={(consent) => {
            setAssigning(null);
            setNotice({ kind: 'assigned', consent });
          }}
        />
      )}
    </Stack>
  );
}

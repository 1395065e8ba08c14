import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IMPORT_LIMITS } from '@common/organisations.js';
import { IMPORT_COLUMNS, IMPORT_STATUS_LABELS } from '@common/participants.js';
import type { ImportBatchSummary } from '@common/schemas/participants.js';
import { errorMessage } from '@web/lib/api-client';
import { DataTable, type Column } from '@web/lib/components/data-table';
import { FileField, UploadProgress, useFileUpload } from '@web/lib/components/file-upload';
import { FormAlert, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useListState } from '@web/lib/list-state';
import { templateUrl, useImportHistory, useUploadImport } from '../api/imports-api';

const MAX_MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const REQUIRED = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.label);

/** The server checks the content itself; this only spares a long upload that would be refused anyway. */
function fileProblem(file: File | null): string | null {
  if (!file) return 'Выберите файл со списком учеников';
  if (file.size === 0) return 'Файл пустой — выберите другой';
  if (file.size > IMPORT_LIMITS.maxBytes) return `Файл больше ${MAX_MB} МБ — разделите список на несколько файлов`;
  return null;
}

function UploadCard() {
  const upload = useUploadImport();
  const navigate = useNavigate();
  const table = useFileUpload(fileProblem, upload.reset);

  const submit = table.submit((file, onProgress, onSettled) =>
    upload.mutate({ file, onProgress }, { onSuccess: (batch) => void navigate(`/staff/imports/${batch.id}`), onSettled }),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="upload-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="upload-title">
            2. Загрузите заполненный файл
          </Title>
          <Text size="sm">Сначала мы проверим каждую строку и покажем, что получится, — ученики появятся только после вашего подтверждения.</Text>
          <FormAlert message={upload.isError ? errorMessage(upload.error) : null} />
          <FileField
            upload={table}
            label="Файл со списком учеников"
            description={`XLSX или CSV (UTF-8 или Windows-1251), не больше ${MAX_MB} МБ и ${IMPORT_LIMITS.maxRows.toLocaleString('ru-RU')} строк`}
            accept={ACCEPT}
          />
          <UploadProgress
            upload={table}
            label="Отправка файла"
            text={(percent) => (percent < 100 ? `Отправлено ${percent} %` : 'Файл отправлен, проверяем строки…')}
          />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              Проверить файл
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const columns: Column<ImportBatchSummary>[] = [
  {
    key: 'fileName',
    label: 'Файл',
    sortable: true,
    render: (b) => (
      <Anchor component={Link} to={`/staff/imports/${b.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {b.fileName}
      </Anchor>
    ),
  },
  { key: 'createdAt', label: 'Загружен', sortable: true, render: (b) => formatDateTime(b.createdAt) },
  { key: 'status', label: 'Состояние', sortable: true, render: (b) => IMPORT_STATUS_LABELS[b.status] },
  { key: 'totalRows', label: 'Строк', render: (b) => String(b.totalRows) },
  {
    key: 'result',
    label: 'Новых / найдено / пропущено / с ошибками',
    render: (b) => `${b.created} / ${b.matched} / ${b.skipped} / ${b.failed}`,
  },
];

/** The import wizard's start: the template, the upload, and the school's earlier imports. */
export function ImportsPage() {
  const { state, update } = useListState('createdAt', [], 'desc');
  const history = useImportHistory(state);
  return (
    <Stack gap="lg">
      <PageTitle lead="Зарегистрируйте целый класс или школу сразу: заполните таблицу по шаблону и загрузите её.">Импорт учеников из файла</PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="template-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="template-title">
            1. Скачайте шаблон и заполните его
          </Title>
          <Text size="sm">{`Обязательные столбцы: ${REQUIRED.join(', ')}. Дату рождения пишите как ДД.ММ.ГГГГ, класс — числом, можно с буквой: 7А.`}</Text>
          <List size="sm" spacing={2}>
            <List.Item>Строку-пример из шаблона можно оставить — она не загрузится.</List.Item>
            <List.Item>Если ребёнок уже есть в программе, второй профиль не появится: мы найдём его и прикрепим к школе.</List.Item>
            <List.Item>Каждый новый ученик получит письмо со ссылкой, по которой придумает пароль.</List.Item>
          </List>
          <Group gap="sm">
            <Button component="a" href={templateUrl('xlsx')} download variant="outline">
              Шаблон XLSX
            </Button>
            <Button component="a" href={templateUrl('csv')} download variant="outline">
              Шаблон CSV
            </Button>
          </Group>
        </Stack>
      </Card>
      <UploadCard />
      <Stack gap="sm" component="section" aria-labelledby="history-title">
        <Title order={2} size="h3" id="history-title">
          История импорта
        </Title>
        <DataTable
          caption="Загруженные файлы"
          columns={columns}
          rowKey={(b) => b.id}
          query={history}
          state={state}
          onChange={update}
          searchLabel="Поиск по имени файла"
          empty={state.q ? 'Ничего не нашлось.' : 'Файлов пока не загружали.'}
        />
      </Stack>
    </Stack>
  );
}

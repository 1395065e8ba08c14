import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IMPORT_COLUMN_LABELS, IMPORT_OUTCOME_LABELS } from '@common/participants.js';
import type { ImportBatchView } from '@common/schemas/participants.js';
import { errorMessage } from '@web/lib/api-client';
import { FormAlert } from '@web/lib/components/page';
import { formatDateTime, plural } from '@web/lib/format';
import { useCancelImport, useConfirmImport } from '../api/imports-api';
import { ImportReportLinks } from './import-report-links';
import { ImportRowsTable } from './import-rows-table';

const rows = (n: number) => `${n} ${plural(n, ['строка', 'строки', 'строк'])}`;

/**
 * What confirming the file would do, before anything is written: how many pupils are new, found
 * or skipped, and every faulty cell, so the school can fix the file or go on without those rows.
 */
export function ImportPreview({ batch, onCancelled }: { batch: ImportBatchView; onCancelled: () => void }) {
  const confirm = useConfirmImport();
  const cancel = useCancelImport();
  const toWrite = batch.created + batch.matched;
  const failure = confirm.isError ? confirm.error : cancel.isError ? cancel.error : null;

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="preview-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="preview-title">
            Проверка файла
          </Title>
          <Text style={{ overflowWrap: 'anywhere' }}>{`«${batch.fileName}»: ${rows(batch.totalRows)} с учениками. Пока ничего не записано.`}</Text>
          {batch.sameFileImportedAt && (
            <Alert color="blue" variant="light">
              {`Этот файл уже загружали ${formatDateTime(batch.sameFileImportedAt)}. Ученики, которые уже есть в школе, будут пропущены — дублей не будет.`}
            </Alert>
          )}
          <List spacing={4}>
            <List.Item>{`Будут зарегистрированы: ${batch.created}`}</List.Item>
            <List.Item>{`Уже есть в программе, будут прикреплены к школе: ${batch.matched}`}</List.Item>
            <List.Item>{`Уже зарегистрированы в вашей школе, будут пропущены: ${batch.alreadyRegistered}`}</List.Item>
            <List.Item>{`Повторы строк в файле, будут пропущены: ${batch.duplicatesInFile}`}</List.Item>
            <List.Item>{`Строки с ошибками, не будут загружены: ${batch.failed}`}</List.Item>
          </List>
        </Stack>
      </Card>

      {batch.errorCount > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="errors-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="errors-title">
              {`Ошибки: ${rows(batch.failed)}`}
            </Title>
            <Text size="sm">
              Исправьте их в таблице и загрузите файл снова — уже загруженные ученики при повторной загрузке будут пропущены. Или загрузите сейчас
              только правильные строки.
            </Text>
            <ImportReportLinks id={batch.id} label="Скачать отчёт об ошибках" />
            <ImportRowsTable
              caption="Ошибки в строках файла"
              columnLabel="Столбец"
              rows={batch.errors.map((e) => ({ row: e.row, column: e.field ? IMPORT_COLUMN_LABELS[e.field] : 'Вся строка', text: e.message }))}
              total={batch.errorCount}
            />
          </Stack>
        </Card>
      )}

      {batch.outcomeCount > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="outcomes-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="outcomes-title">
              Найденные и пропущенные строки
            </Title>
            <ImportRowsTable
              caption="Строки, которые не создадут новых учеников"
              columnLabel="Что будет"
              rows={batch.outcomes.map((o) => ({ row: o.row, column: IMPORT_OUTCOME_LABELS[o.outcome], text: o.message }))}
              total={batch.outcomeCount}
            />
          </Stack>
        </Card>
      )}

      <FormAlert message={failure ? errorMessage(failure) : null} />
      {toWrite === 0 && <Text>В файле нет новых учеников, которых можно загрузить.</Text>}
      <Group gap="sm">
        <Button onClick={() => confirm.mutate(batch.id)} loading={confirm.isPending} disabled={toWrite === 0 || cancel.isPending}>
          {toWrite > 0 ? `Загрузить учеников: ${toWrite}` : 'Загружать нечего'}
        </Button>
        <Button variant="default" onClick={() => cancel.mutate(batch.id, { onSuccess: onCancelled })} loading={cancel.isPending} disabled={confirm.isPending}>
          Отменить и выбрать другой файл
        </Button>
      </Group>
    </Stack>
  );
}

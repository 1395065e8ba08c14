import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { OpportunityImportPreview } from '@common/guidance.js';
import { OPPORTUNITY_KIND_LABELS } from '@common/guidance.js';
import { IMPORT_LIMITS } from '@common/organisations.js';
import { errorMessage } from '@web/lib/api-client';
import { BackLink } from '@web/lib/components/back-link';
import { FileField, UploadProgress, useFileUpload } from '@web/lib/components/file-upload';
import { PageTitle } from '@web/lib/components/page';
import { plural } from '@common/plural.js';
import { TEMPLATE_URL, previewImport, useConfirmImport } from '../api/opportunities-api';

const MAX_MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

const checkFile = (file: File | null) => {
  if (!file) return 'Выберите файл CSV или XLSX';
  if (file.size > IMPORT_LIMITS.maxBytes) return `Файл больше ${MAX_MB} МБ. Разделите таблицу на несколько файлов`;
  return null;
};

/**
 * A file of opportunities is checked first: each row is shown valid or with its errors, and nothing
 * is written. Confirming imports the valid rows of that same file in one go; rows with errors are skipped.
 */
export function OpportunityImportPage() {
  const navigate = useNavigate();
  const [preview, setPreview] = useState<OpportunityImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = useFileUpload(checkFile, () => {
    setPreview(null);
    setFailure(null);
  });
  const confirm = useConfirmImport();

  const check = upload.submit((file, onProgress, onSettled) => {
    setFailure(null);
    previewImport(file, onProgress)
      .then(setPreview, (error: unknown) => setFailure(errorMessage(error)))
      .finally(onSettled);
  });

  const faulty = preview ? preview.totalRows - preview.validRows : 0;

  return (
    <Stack gap="md">
      <BackLink to="/staff/opportunities">Все возможности</BackLink>
      <PageTitle lead="Сначала мы проверим каждую строку и покажем ошибки. Возможности появятся только после вашего подтверждения.">
        Загрузка возможностей из файла
      </PageTitle>
      <Text>
        Заполните <Anchor href={TEMPLATE_URL}>шаблон CSV</Anchor>: в списках (программы, сферы, компетенции) разделяйте значения точкой с запятой. Подходят CSV и XLSX до {MAX_MB} МБ.
      </Text>
      <form onSubmit={check} noValidate>
        <Stack gap="sm" maw={520}>
          <FileField upload={upload} label="Файл с возможностями" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <UploadProgress upload={upload} label="Загрузка файла" text={(percent) => `Отправлено ${percent}%`} />
          <Group>
            <Button type="submit" loading={upload.progress !== null}>
              Проверить файл
            </Button>
          </Group>
        </Stack>
      </form>
      {failure && (
        <Alert color="red" role="alert" title="Файл не принят">
          {failure}
        </Alert>
      )}
      {preview && (
        <Stack gap="sm">
          <Alert color={faulty > 0 ? 'yellow' : 'green'} role="status" title="Проверка закончена. Пока ничего не записано">
            {`Строк: ${preview.totalRows}. Без ошибок: ${preview.validRows}. С ошибками: ${faulty}.`}
            {faulty > 0 && preview.validRows > 0 && ' Строки с ошибками не загрузятся — исправьте их в файле и загрузите его позже.'}
          </Alert>
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label="Проверка строк файла">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Строка</Table.Th>
                  <Table.Th>Название</Table.Th>
                  <Table.Th>Вид</Table.Th>
                  <Table.Th>Результат</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.title || '—'}</Table.Td>
                    <Table.Td>{r.kind ? OPPORTUNITY_KIND_LABELS[r.kind] : '—'}</Table.Td>
                    <Table.Td>
                      {r.errors.length === 0 ? (
                        <Badge color="green.9" variant="light">
                          Можно загрузить
                        </Badge>
                      ) : (
                        <List size="sm" spacing={2}>
                          {r.errors.map((e) => (
                            <List.Item key={e.column}>{`${e.column}: ${e.message}`}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {confirm.isError && (
            <Alert color="red" role="alert">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          {preview.validRows > 0 && upload.file && (
            <Group>
              <Button
                loading={confirm.isPending}
                onClick={() => confirm.mutate({ file: upload.file!, sha256: preview.fileSha256 }, { onSuccess: () => navigate('/staff/opportunities') })}
              >
                {`Загрузить ${preview.validRows} ${plural(preview.validRows, ['возможность', 'возможности', 'возможностей'])}`}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

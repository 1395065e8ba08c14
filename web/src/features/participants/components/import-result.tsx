import { Link } from 'react-router';
import { Alert, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IMPORT_OUTCOME_LABELS } from '@common/participants.js';
import type { ImportBatchView } from '@common/schemas/participants.js';
import { ImportReportLinks } from './import-report-links';
import { ImportRowsTable } from './import-rows-table';

/** The job writes in chunks; the bar moves with each one. */
export function ImportProgress({ batch }: { batch: ImportBatchView }) {
  const percent = batch.totalRows > 0 ? Math.round((batch.processedRows / batch.totalRows) * 100) : 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="progress-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="progress-title">
          Загружаем учеников
        </Title>
        <Progress value={percent} size="lg" aria-label="Загрузка учеников" animated />
        <Text aria-live="polite">{`Обработано ${batch.processedRows} из ${batch.totalRows} строк (${percent} %)`}</Text>
        <Text size="sm" c="dimmed">
          Страницу можно закрыть — загрузка продолжится, а результат появится в истории импорта.
        </Text>
      </Stack>
    </Card>
  );
}

/** What the import did: new pupils, found profiles, skipped and refused rows. */
export function ImportSummary({ batch }: { batch: ImportBatchView }) {
  const failed = batch.status === 'failed';
  return (
    <Stack gap="lg">
      <Alert color={failed ? 'red' : 'green'} title={failed ? 'Импорт прерван' : 'Импорт завершён'} role="status">
        <Stack gap="xs">
          {failed && (
            <Text size="sm">
              Во время записи произошла ошибка. Уже загруженные ученики сохранены — загрузите тот же файл ещё раз, они будут пропущены.
            </Text>
          )}
          <List spacing={4} size="sm">
            <List.Item>{`Зарегистрировано новых учеников: ${batch.created} — им отправлены письма со ссылкой для входа`}</List.Item>
            <List.Item>{`Найдено в программе и прикреплено к школе: ${batch.matched}`}</List.Item>
            <List.Item>{`Пропущено (уже в школе или повтор в файле): ${batch.skipped}`}</List.Item>
            <List.Item>{`Не загружено из-за ошибок: ${batch.failed}`}</List.Item>
          </List>
        </Stack>
      </Alert>
      {(batch.outcomeCount > 0 || batch.errorCount > 0) && (
        <Card withBorder padding="lg" component="section" aria-labelledby="result-rows-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="result-rows-title">
              Строки, которые не стали новыми учениками
            </Title>
            <ImportReportLinks id={batch.id} label="Скачать отчёт" />
            {batch.outcomeCount > 0 && (
              <ImportRowsTable
                caption="Что стало с найденными и пропущенными строками"
                columnLabel="Итог"
                rows={batch.outcomes.map((o) => ({ row: o.row, column: IMPORT_OUTCOME_LABELS[o.outcome], text: o.message }))}
                total={batch.outcomeCount}
              />
            )}
          </Stack>
        </Card>
      )}
      <Group gap="sm">
        <Button component={Link} to="/staff/participants">
          К списку участников
        </Button>
        <Button component={Link} to="/staff/imports" variant="outline">
          Загрузить ещё файл
        </Button>
      </Group>
    </Stack>
  );
}

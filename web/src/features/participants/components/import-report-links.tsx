import { Anchor, Group, Text } from '@mantine/core';
import { reportUrl } from '../api/imports-api';

/** The whole list of errors and skipped rows as a file to fix the table by. */
export function ImportReportLinks({ id, label }: { id: string; label: string }) {
  return (
    <Group gap="md">
      <Text size="sm">{label}:</Text>
      <Anchor href={reportUrl(id, 'xlsx')} download>
        XLSX
      </Anchor>
      <Anchor href={reportUrl(id, 'csv')} download>
        CSV
      </Anchor>
    </Group>
  );
}

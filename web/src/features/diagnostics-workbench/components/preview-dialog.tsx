import { Alert, Stack } from '@mantine/core';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import { FormDialog } from '@web/lib/components/form-dialog';
import { PupilPreview } from './pupil-preview';

/** The checked definition shown as the pupil will see it; nothing is saved from here. */
export function PreviewDialog({ definition, onClose }: { definition: TestDefinition | null; onClose: () => void }) {
  return (
    <FormDialog opened={definition !== null} onClose={onClose} title={definition ? `Предпросмотр: ${definition.title}` : 'Предпросмотр'} size="xl">
      {definition && (
        <Stack gap="md">
          <Alert color="blue" variant="light">
            Так тест увидит ученик. Ответы в предпросмотре никуда не сохраняются.
          </Alert>
          <PupilPreview definition={definition} />
        </Stack>
      )}
    </FormDialog>
  );
}

import { useRef, useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import { errorMessage } from '@web/lib/api-client';
import { DefinitionInvalidError, useSaveDefinition, useValidateDefinition, type SavedDefinition } from '../api/workbench-api';
import { goToLine } from '../source-lines';
import { CheckOutcome, type Outcome } from './check-outcome';
import { LoadFileButton } from './load-file-button';
import { PreviewDialog } from './preview-dialog';
import { SourceField } from './source-field';

interface Props {
  source: string;
  onSourceChange: (source: string) => void;
  onSaved: (saved: SavedDefinition) => void;
}

const EMPTY: Outcome = { kind: 'failed', message: 'Вставьте текст определения или загрузите файл' };

/**
 * The definition's text with what can be done to it: load a file, check it, preview it as a pupil
 * and save it as the test's draft. Errors name their line, and clicking one goes there.
 */
export function DefinitionEditor({ source, onSourceChange, onSaved }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [loadedFile, setLoadedFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<TestDefinition | null>(null);
  const check = useValidateDefinition();
  const previewCheck = useValidateDefinition();
  const save = useSaveDefinition();
  const busy = check.isPending || previewCheck.isPending || save.isPending;

  const refused = (error: unknown) =>
    setOutcome(error instanceof DefinitionInvalidError ? { kind: 'invalid', message: error.message, errors: error.errors } : { kind: 'failed', message: errorMessage(error) });

  const edit = (next: string) => {
    onSourceChange(next);
    // "No errors" was about the text before this change.
    if (outcome?.kind === 'valid') setOutcome(null);
  };

  const run = (action: () => void) => {
    setLoadedFile(null);
    if (source.trim() === '') setOutcome(EMPTY);
    else action();
  };

  return (
    <Stack gap="md">
      <SourceField value={source} onChange={edit} textareaRef={textarea} />
      <Group gap="sm" align="flex-start">
        <LoadFileButton
          onLoad={(text, name) => {
            onSourceChange(text);
            setOutcome(null);
            setLoadedFile(name);
          }}
        />
        <Button
          variant="default"
          loading={check.isPending}
          disabled={busy && !check.isPending}
          onClick={() => run(() => check.mutate(source, { onSuccess: () => setOutcome({ kind: 'valid' }), onError: refused }))}
        >
          Проверить
        </Button>
        <Button
          variant="default"
          loading={previewCheck.isPending}
          disabled={busy && !previewCheck.isPending}
          onClick={() =>
            run(() =>
              previewCheck.mutate(source, {
                onSuccess: (definition) => {
                  setOutcome({ kind: 'valid' });
                  setPreview(definition);
                },
                onError: refused,
              }),
            )
          }
        >
          Предпросмотр
        </Button>
        <Button
          loading={save.isPending}
          disabled={busy && !save.isPending}
          onClick={() =>
            run(() =>
              save.mutate(source, {
                onSuccess: (saved) => {
                  setOutcome(null);
                  onSaved(saved);
                },
                onError: refused,
              }),
            )
          }
        >
          Сохранить черновик
        </Button>
      </Group>
      {loadedFile && (
        <Text size="sm" role="status">
          {`Файл «${loadedFile}» загружен в редактор. Проверьте его перед сохранением.`}
        </Text>
      )}
      <CheckOutcome outcome={outcome} onGoToLine={(line) => textarea.current && goToLine(textarea.current, line)} />
      <PreviewDialog definition={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}

import { useState } from 'react';
import { Button, FileButton, Stack, Text } from '@mantine/core';
import { MAX_DEFINITION_BYTES } from '@common/diagnostics/definition.js';

const EXTENSIONS = /\.(ya?ml|json)$/i;

function fileProblem(file: File): string | null {
  if (!EXTENSIONS.test(file.name)) return 'Подойдёт файл .yaml, .yml или .json';
  if (file.size > MAX_DEFINITION_BYTES) return 'Файл больше 1 МБ: разделите тест на несколько';
  return null;
}

/** Reads a definition file into the editor on this computer; nothing is sent until it is checked or saved. */
export function LoadFileButton({ onLoad }: { onLoad: (text: string, name: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const load = async (file: File | null) => {
    if (!file) return;
    const problem = fileProblem(file);
    setError(problem);
    if (problem) return;
    try {
      onLoad(await file.text(), file.name);
    } catch {
      setError('Не получилось прочитать файл. Попробуйте выбрать его ещё раз');
    }
  };
  return (
    <Stack gap={4}>
      <FileButton onChange={(file) => void load(file)} accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml">
        {(props) => (
          <Button variant="default" {...props}>
            Загрузить файл
          </Button>
        )}
      </FileButton>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

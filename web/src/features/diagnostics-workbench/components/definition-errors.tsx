import { Alert, Anchor, List, Text } from '@mantine/core';
import type { DefinitionError } from '../api/workbench-api';

/** «Строка 12, поле scales.0.keys.1.item: Задания «q9» в тесте нет» */
function errorText(error: DefinitionError): string {
  const place = [error.line !== null ? `Строка ${error.line}` : null, error.field ? `поле ${error.field}` : null].filter(Boolean).join(', ');
  if (!place) return error.message;
  return `${place.charAt(0).toUpperCase()}${place.slice(1)}: ${error.message}`;
}

interface Props {
  message: string;
  errors: DefinitionError[];
  /** Without it the errors are plain text: the source they point into is not on screen. */
  onGoToLine?: (line: number) => void;
}

/** Every error of a refused definition; an error with a line takes the cursor there when clicked. */
export function DefinitionErrors({ message, errors, onGoToLine }: Props) {
  return (
    <Alert color="red" title={message} role="alert">
      {errors.length > 0 && onGoToLine && (
        <Text size="sm" mb="xs">
          Нажмите на ошибку, чтобы перейти к её строке.
        </Text>
      )}
      <List size="sm" spacing={4} aria-label="Ошибки в определении">
        {errors.map((error, index) => (
          <List.Item key={index}>
            {error.line !== null && onGoToLine ? (
              <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onGoToLine(error.line!)}>
                {errorText(error)}
              </Anchor>
            ) : (
              errorText(error)
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

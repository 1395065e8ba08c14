import { Alert } from '@mantine/core';
import { FormAlert } from '@web/lib/components/page';
import type { DefinitionError } from '../api/workbench-api';
import { DefinitionErrors } from './definition-errors';

/** What the last check or save said about the text in the editor. */
export type Outcome =
  | null
  | { kind: 'valid' }
  | { kind: 'invalid'; message: string; errors: DefinitionError[] }
  | { kind: 'failed'; message: string };

export function CheckOutcome({ outcome, onGoToLine }: { outcome: Outcome; onGoToLine: (line: number) => void }) {
  if (!outcome) return null;
  if (outcome.kind === 'valid') {
    return (
      <Alert color="green" title="Ошибок нет" role="status">
        Определение можно сохранить и опубликовать.
      </Alert>
    );
  }
  if (outcome.kind === 'failed') return <FormAlert message={outcome.message} />;
  return <DefinitionErrors message={outcome.message} errors={outcome.errors} onGoToLine={onGoToLine} />;
}

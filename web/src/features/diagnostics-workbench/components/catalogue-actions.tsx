import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { FormAlert } from '@web/lib/components/page';
import { useSetRetired, type TestStatus } from '../api/workbench-api';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';

interface Props {
  testId: number;
  status: TestStatus;
  onDone: (message: string) => void;
}

/** Takes a published test out of the catalogue (after a question) or puts a retired one back. */
export function CatalogueActions({ testId, status, onDone }: Props) {
  const [asking, setAsking] = useState(false);
  const action = useSetRetired(testId);
  if (status === 'draft') return null;
  if (status === 'retired') {
    return (
      <>
        <Button
          variant="light"
          loading={action.isPending}
          onClick={() => action.mutate('restore', { onSuccess: () => onDone('Тест снова в каталоге: ученики его видят.') })}
        >
          Вернуть в каталог
        </Button>
        {action.error && <FormAlert message={errorMessage(action.error)} />}
      </>
    );
  }
  const close = () => {
    setAsking(false);
    action.reset();
  };
  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
        Снять с публикации
      </Button>
      <ConfirmDialog
        danger={false}
        opened={asking}
        title="Снять тест с публикации?"
        confirmLabel="Да, снять"
        loading={action.isPending}
        onClose={close}
        onConfirm={() =>
          action.mutate('retire', {
            onSuccess: () => {
              setAsking(false);
              onDone('Тест снят с публикации: в каталоге учеников его больше нет.');
            },
          })
        }
      >
        <Text>Ученики перестанут видеть тест в каталоге. Уже полученные результаты сохранятся. Вернуть тест можно в любой момент.</Text>
        {action.error && <FormAlert message={errorMessage(action.error)} />}
      </ConfirmDialog>
    </>
  );
}

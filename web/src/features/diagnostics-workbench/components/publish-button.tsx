import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { FormAlert } from '@web/lib/components/page';
import { DefinitionInvalidError, usePublishVersion, type WorkbenchVersion } from '../api/workbench-api';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';
import { DefinitionErrors } from './definition-errors';

interface Props {
  testId: number;
  version: WorkbenchVersion;
  /** The editor holds changes not saved yet: they are not what gets published. */
  unsaved: boolean;
  onPublished: (version: number) => void;
}

/** «Опубликовать» on a draft, after saying what happens to the attempts already made. */
export function PublishButton({ testId, version, unsaved, onPublished }: Props) {
  const [opened, setOpened] = useState(false);
  const publish = usePublishVersion(testId);
  const close = () => {
    setOpened(false);
    publish.reset();
  };
  const error = publish.error;
  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)}>
        Опубликовать
      </Button>
      <ConfirmDialog
        danger={false}
        opened={opened}
        title={`Опубликовать версию ${version.version}?`}
        confirmLabel="Да, опубликовать"
        loading={publish.isPending}
        onClose={close}
        onConfirm={() =>
          publish.mutate(version.id, {
            onSuccess: () => {
              setOpened(false);
              onPublished(version.version);
            },
          })
        }
      >
        <Text>
          {`Новые прохождения пойдут по версии ${version.version}. Прохождения, которые уже начаты или завершены, сохраняют свою версию и свои результаты.`}
        </Text>
        {unsaved && <Text fw={600}>В редакторе есть несохранённые изменения: опубликуется последний сохранённый черновик.</Text>}
        {error instanceof DefinitionInvalidError ? (
          <DefinitionErrors message={error.message} errors={error.errors} />
        ) : (
          error && <FormAlert message={errorMessage(error)} />
        )}
      </ConfirmDialog>
    </>
  );
}

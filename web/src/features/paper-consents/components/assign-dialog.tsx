import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { errorMessage } from '@web/lib/api-client';
import { FormDialog } from '@web/lib/components/form-dialog';
import { FormAlert } from '@web/lib/components/page';
import { useAssignPaperConsent, type PupilOption } from '../api/paper-consents-api';
import { ChildPicker } from './child-picker';

interface Props {
  consent: PaperConsentView;
  onClose: () => void;
  onSaved: (consent: PaperConsentView) => void;
}

/** Marks whose consent a scan is; the current mark can be moved to another pupil or taken off. */
export function AssignDialog({ consent, onClose, onSaved }: Props) {
  const assign = useAssignPaperConsent();
  const [child, setChild] = useState<PupilOption | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const save = (participantId: string | null) =>
    assign.mutate({ id: consent.id, participantId }, { onSuccess: (saved) => onSaved(saved) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!child) {
      setPickError('Выберите ученика');
      return;
    }
    save(child.id);
  };

  return (
    <FormDialog opened onClose={onClose} title={consent.child ? 'Изменить ученика' : 'Отметить ученика'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {`Скан «${consent.fileName}»`}
          </Text>
          <FormAlert message={assign.isError ? errorMessage(assign.error) : null} />
          <ChildPicker
            value={child}
            onChange={(next) => {
              setChild(next);
              setPickError(null);
            }}
            error={pickError}
          />
          <Group justify="space-between" gap="sm">
            {consent.child ? (
              <Button variant="subtle" color="red.9" onClick={() => save(null)} disabled={assign.isPending}>
                Снять отметку
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Отмена
              </Button>
              <Button type="submit" loading={assign.isPending}>
                Сохранить
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { errorMessage } from '@web/lib/api-client';
import { FormDialog } from '@web/lib/components/form-dialog';
import { ListSelect } from '@web/lib/components/list-select';
import { FormAlert } from '@web/lib/components/page';
import { plural } from '@web/lib/format';
import { useAssignNavigator, useSchoolNavigators } from '../api/participants-api';

const NO_NAVIGATOR = 'none';

interface Props {
  participantIds: string[];
  onClose: () => void;
  onAssigned: (message: string) => void;
}

/** One navigator for every selected pupil, or none: the school's navigators to choose from. */
export function AssignNavigatorDialog({ participantIds, onClose, onAssigned }: Props) {
  const navigators = useSchoolNavigators(true);
  const assign = useAssignNavigator();
  const [choice, setChoice] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const count = participantIds.length;
  const pupils = `${count} ${plural(count, ['ученику', 'ученикам', 'ученикам'])}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setChoiceError('Выберите навигатора');
      return;
    }
    const navigatorId = choice === NO_NAVIGATOR ? null : choice;
    const name = navigators.data?.find((n) => n.id === navigatorId)?.name;
    assign.mutate(
      { participantIds, navigatorId },
      { onSuccess: () => onAssigned(navigatorId ? `Навигатор ${name ?? ''} назначен ${pupils}.` : `Навигатор снят: ${pupils}.`) },
    );
  };

  const noNavigators = navigators.isSuccess && navigators.data.length === 0;
  return (
    <FormDialog opened onClose={onClose} title="Назначить навигатора">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{`Выбрано: ${count} ${plural(count, ['ученик', 'ученика', 'учеников'])}.`}</Text>
          {noNavigators && <Text size="sm">В школе пока нет педагогов-навигаторов — пригласите их в разделе «Навигаторы и сотрудники».</Text>}
          <FormAlert message={assign.isError ? errorMessage(assign.error) : navigators.isError ? errorMessage(navigators.error) : null} />
          <ListSelect
            label="Навигатор"
            placeholder={navigators.isPending ? 'Загружаем…' : 'Выберите из списка'}
            data={[...(navigators.data ?? []).map((n) => ({ value: n.id, label: n.name })), { value: NO_NAVIGATOR, label: 'Без навигатора (снять назначение)' }]}
            value={choice}
            onChange={(value) => {
              setChoice(value);
              setChoiceError(null);
            }}
            error={choiceError}
            allowDeselect={false}
            required
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={assign.isPending}>
              Назначить
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}

import { Button, Group } from '@mantine/core';
import { FormAlert } from './page';

interface Props {
  /** What went wrong that has no field of its own. */
  alert: string | null;
  pending: boolean;
  submitLabel?: string;
  /** Leaves an edit without saving; forms that stay on the page have none. */
  onCancel?: () => void;
}

/** The foot of an editing form: the alert, then save and, when the form can be left, cancel. */
export function FormFooter({ alert, pending, submitLabel = 'Сохранить', onCancel }: Props) {
  return (
    <>
      <FormAlert message={alert} />
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
        )}
      </Group>
    </>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DOCUMENT_TYPE_LABELS } from '@common/participants.js';
import { REPRESENTATIVE_KIND_LABELS } from '@common/schemas/identity.js';
import type { ParticipantListItem } from '@common/schemas/participants.js';
import { Fact } from '@web/lib/components/fact';
import { LoadError, PageLoader } from '@web/lib/components/page';
import { fullName } from '@web/lib/format';
import { usePersonalData } from '../api/participants-api';

/** Unmasked SNILS and documents of one pupil; opening it is what the audit log records. */
export function PersonalDataDialog({ participant, onClose }: { participant: ParticipantListItem; onClose: () => void }) {
  const data = usePersonalData(participant.id);
  const pd = data.data;
  return (
    <Modal opened onClose={onClose} title={`Персональные данные: ${fullName(participant)}`} centered>
      <Stack gap="md">
        {data.isPending && <PageLoader />}
        {data.isError && <LoadError error={data.error} onRetry={() => void data.refetch()} />}
        {pd && (
          <>
            <Fact label="СНИЛС" value={pd.snils} />
            <Fact label="Документ" value={pd.document ? `${DOCUMENT_TYPE_LABELS[pd.document.type]}, ${pd.document.number}` : 'Не указан'} />
            <Fact
              label="Ограниченные возможности здоровья"
              value={pd.ovzWithheld ? 'Скрыто: родитель отозвал согласие на обработку сведений о здоровье' : pd.hasOvz ? 'Есть' : 'Нет'}
            />
            {pd.ovzDetails && <Fact label="Подробности об ОВЗ" value={pd.ovzDetails} />}
            <Fact
              label="Законные представители"
              value={
                pd.representatives.length === 0
                  ? 'Не привязаны'
                  : pd.representatives.map((r) => `${r.name} (${REPRESENTATIVE_KIND_LABELS[r.kind].toLowerCase()})`).join(', ')
              }
            />
            <Alert color="blue" variant="light">
              <Text size="sm">Каждый просмотр персональных данных записывается в журнал. Не копируйте и не пересылайте эти данные.</Text>
            </Alert>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Закрыть
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

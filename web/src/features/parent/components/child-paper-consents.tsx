import { Anchor, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { describePaperConsentFile, paperConsentFileUrl } from '@common/schemas/paper-consents.js';
import { LoadError } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { useChildPaperConsents } from '../api/paper-consents-api';

/** Consents signed on paper and scanned by the child's school, for the parent to keep or check. */
export function ChildPaperConsents({ childId }: { childId: string }) {
  const consents = useChildPaperConsents(childId);
  if (consents.isPending) {
    return (
      <div role="status">
        <Loader size="sm" />
        <VisuallyHidden>Загружаем сканы согласий…</VisuallyHidden>
      </div>
    );
  }
  if (consents.isError) return <LoadError error={consents.error} onRetry={() => void consents.refetch()} />;
  if (consents.data.length === 0) return <Text c="dimmed">Школа не загружала сканов бумажных согласий этого ребёнка.</Text>;
  return (
    <Stack gap="xs" component="ul" pl={0} m={0} style={{ listStyle: 'none' }}>
      {consents.data.map((consent) => (
        <Stack gap={2} component="li" key={consent.id}>
          <Anchor href={paperConsentFileUrl(consent.id)} download={consent.fileName} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {consent.fileName}
          </Anchor>
          <Text size="sm" c="dimmed">
            {`${describePaperConsentFile(consent)} · ${consent.school.name}, ${formatDate(consent.uploadedAt)}`}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

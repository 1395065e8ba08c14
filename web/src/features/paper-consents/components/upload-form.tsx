import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { PAPER_CONSENT_LIMITS } from '@common/organisations.js';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { errorMessage } from '@web/lib/api-client';
import { FileField, UploadProgress, useFileUpload } from '@web/lib/components/file-upload';
import { FormAlert, Notice } from '@web/lib/components/page';
import { fullName } from '@web/lib/format';
import { useUploadPaperConsent, type PupilOption } from '../api/paper-consents-api';
import { ChildPicker } from './child-picker';

const MAX_MB = PAPER_CONSENT_LIMITS.maxBytes / 1024 / 1024;

/** The same limits the server enforces, checked first so nobody waits for a refusal of a 30 MB file. */
function fileProblem(file: File | null): string | null {
  if (!file) return 'Выберите файл со сканом';
  if (file.size === 0) return 'Файл пустой — выберите другой';
  if (file.size > PAPER_CONSENT_LIMITS.maxBytes) return `Файл больше ${MAX_MB} МБ — отсканируйте с меньшим разрешением или сожмите его`;
  // The browser guesses the type from the name; the server checks the content itself.
  if (file.type && !(PAPER_CONSENT_LIMITS.mimeTypes as readonly string[]).includes(file.type)) return 'Нужен файл PDF, JPEG или PNG';
  return null;
}

export function UploadForm({ onUploaded }: { onUploaded: (consent: PaperConsentView) => void }) {
  const upload = useUploadPaperConsent();
  const scan = useFileUpload(fileProblem, upload.reset);
  const [child, setChild] = useState<PupilOption | null>(null);

  const submit = scan.submit((file, onProgress, onSettled) =>
    upload.mutate(
      { file, participantId: child?.id ?? null, onProgress },
      {
        onSuccess: (consent) => {
          scan.clear();
          setChild(null);
          onUploaded(consent);
        },
        onSettled,
      },
    ),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="upload-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="upload-title">
            Загрузить скан
          </Title>
          <FormAlert message={upload.isError ? errorMessage(upload.error) : null} />
          <FileField
            upload={scan}
            label="Файл со сканом согласия"
            description={`PDF, JPEG или PNG, не больше ${MAX_MB} МБ`}
            accept={PAPER_CONSENT_LIMITS.mimeTypes.join(',')}
          />
          <ChildPicker label="Чьё это согласие (можно указать позже)" value={child} onChange={setChild} />
          <UploadProgress upload={scan} label="Загрузка файла" text={(percent) => `Загружено ${percent} %`} />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              Загрузить
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** What just happened to the last upload, and the one step left when no child was chosen. */
export function UploadedNotice({ consent, onAssign, onClose }: { consent: PaperConsentView; onAssign: () => void; onClose: () => void }) {
  return (
    <Notice title="Скан загружен" onClose={onClose}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {consent.child
            ? `«${consent.fileName}» сохранён и отмечен как согласие ученика: ${fullName(consent.child)}. Родители увидят его в своём кабинете.`
            : `«${consent.fileName}» сохранён. Отметьте, чьё это согласие, — тогда его увидят родители.`}
        </Text>
        {!consent.child && (
          <Button size="xs" variant="outline" onClick={onAssign}>
            Отметить ученика
          </Button>
        )}
      </Stack>
    </Notice>
  );
}

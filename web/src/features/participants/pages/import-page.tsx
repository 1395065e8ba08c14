import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Stack } from '@mantine/core';
import { BackLink } from '@web/lib/components/back-link';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useImport } from '../api/imports-api';
import { ImportPreview } from '../components/import-preview';
import { ImportProgress, ImportSummary } from '../components/import-result';

/** One import from preview to result; the address keeps it, so a reload or the history comes back here. */
export function ImportPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const batch = useImport(id);
  const data = batch.data;

  return (
    <Stack gap="lg">
      <PageTitle>Импорт учеников из файла</PageTitle>
      <BackLink to="/staff/imports">Все импорты</BackLink>
      {batch.isPending && <PageLoader />}
      {batch.isError && <LoadError error={batch.error} onRetry={() => void batch.refetch()} />}
      {data?.status === 'preview' && <ImportPreview batch={data} onCancelled={() => void navigate('/staff/imports')} />}
      {(data?.status === 'queued' || data?.status === 'running') && <ImportProgress batch={data} />}
      {(data?.status === 'done' || data?.status === 'failed') && <ImportSummary batch={data} />}
      {data?.status === 'cancelled' && (
        <Alert color="gray" title="Импорт отменён" role="status">
          <Stack gap="xs" align="flex-start">
            Из этого файла ничего не загружено.
            <Button component={Link} to="/staff/imports" size="xs" variant="outline">
              Загрузить файл
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

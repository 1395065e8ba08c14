import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { BackLink } from '@web/lib/components/back-link';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { errorMessage } from '@web/lib/api-client';
import { useSession } from '@web/lib/session';
import { useArchiveOpportunity, useStaffOpportunity } from '../api/opportunities-api';
import { OpportunityForm } from '../components/opportunity-form';

const BACK = '/staff/opportunities';

export function NewOpportunityPage() {
  const session = useSession();
  const navigate = useNavigate();
  if (!session.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <BackLink to={BACK}>Все возможности</BackLink>
      <PageTitle>Новая возможность</PageTitle>
      <OpportunityForm
        opportunity={null}
        regionId={session.data.role === 'issuer_admin' ? null : session.data.regionId}
        onSaved={() => navigate(BACK)}
        onCancel={() => navigate(BACK)}
      />
    </Stack>
  );
}

export function EditOpportunityPage() {
  const { opportunityId = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const opportunity = useStaffOpportunity(opportunityId);
  const archive = useArchiveOpportunity(opportunityId);
  const [confirming, setConfirming] = useState(false);
  if (opportunity.isError) return <LoadError error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  if (!opportunity.data || !session.data) return <PageLoader />;
  const o = opportunity.data;
  const archived = o.status === 'archived';

  return (
    <Stack gap="md">
      <BackLink to={BACK}>Все возможности</BackLink>
      <PageTitle>{o.title}</PageTitle>
      {archived && <Alert color="gray">Возможность в архиве: семьи её не видят, изменить её нельзя.</Alert>}
      {!o.editable && !archived && <Alert color="blue">Эту возможность ведёт координатор региона; вы видите её для справки.</Alert>}
      {o.editable && !archived && (
        <>
          <OpportunityForm
            opportunity={o}
            regionId={o.regionId}
            onSaved={() => navigate(BACK)}
            onCancel={() => navigate(BACK)}
          />
          <Group>
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              Перенести в архив
            </Button>
          </Group>
          {archive.isError && <Alert color="red" role="alert">{errorMessage(archive.error)}</Alert>}
          <ConfirmDialog
            opened={confirming}
            title="Перенести в архив?"
            confirmLabel="В архив"
            loading={archive.isPending}
            onClose={() => setConfirming(false)}
            onConfirm={() => archive.mutate(undefined, { onSuccess: () => navigate(BACK), onSettled: () => setConfirming(false) })}
          >
            Карточка закроется для школьников и родителей, а возможность пропадёт из рекомендаций.
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

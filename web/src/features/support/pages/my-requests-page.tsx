import { Link, useParams } from 'react-router';
import { Button, Group, Stack, Text } from '@mantine/core';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useMyRequests, useReplyByLink, useReplyToMine, useRequestByLink } from '../api/support-api';
import { RequestThread } from '../components/request-thread';

/** «Мои обращения» in every cabinet: each request with its status and answers. */
export function MyRequestsPage() {
  const list = useMyRequests();
  const reply = useReplyToMine();
  return (
    <Stack>
      <PageTitle lead="Статус каждого обращения и ответы поддержки. Ответы также приходят на почту.">Мои обращения</PageTitle>
      <Group>
        <Button component={Link} to="/support/new">
          Новое обращение
        </Button>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text>Вы ещё не обращались в поддержку.</Text>
      ) : (
        list.data.map((request) => (
          <RequestThread
            key={request.id}
            request={request}
            attachmentUrl={(attachmentId) => `/api/support/my/${request.id}/attachments/${attachmentId}`}
            onReply={(text) => reply.mutateAsync({ id: request.id, text })}
            replying={reply.isPending && reply.variables?.id === request.id}
          />
        ))
      )}
    </Stack>
  );
}

/** A request opened through the secret link from the e-mail, signed out. */
export function RequestByLinkPage() {
  const { token = '' } = useParams();
  const request = useRequestByLink(token);
  const reply = useReplyByLink(token);
  return (
    <Stack>
      <PageTitle>Ваше обращение</PageTitle>
      {request.isPending ? (
        <PageLoader />
      ) : request.isError ? (
        <LoadError error={request.error} />
      ) : (
        <RequestThread
          request={request.data}
          attachmentUrl={(attachmentId) => `/api/support/by-link/${token}/attachments/${attachmentId}`}
          onReply={(text) => reply.mutateAsync(text)}
          replying={reply.isPending}
        />
      )}
    </Stack>
  );
}

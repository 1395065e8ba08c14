import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Text } from '@mantine/core';

/**
 * A sign-in through Госуслуги that did not finish comes back to the page it started from with
 * `?esia=<reason>`: the page keeps what the parent was doing (a lesson's card, an invitation) and
 * this says plainly what happened. Reasons with more to explain link to the page that does.
 */
export function EsiaNotice() {
  const [params] = useSearchParams();
  const reason = params.get('esia');
  if (!reason) return null;
  if (reason === 'access_denied') {
    return (
      <Alert color="orange" title="Вход через Госуслуги отменён" role="status">
        Вы отменили вход или не разрешили передать данные. Ничего не потеряно: когда будете готовы, нажмите «Войти через Госуслуги» ещё раз.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Не получилось войти через Госуслуги" role="alert">
      <Text size="sm">
        Вход не завершился.{' '}
        <Anchor component={Link} to={`/esia/error?reason=${encodeURIComponent(reason)}`} size="sm">
          Что случилось и что делать
        </Anchor>
      </Text>
    </Alert>
  );
}

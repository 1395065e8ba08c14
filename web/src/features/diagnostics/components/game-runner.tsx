import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { useStartAttempt, useSubmitGame, type Attempt } from '../api/diagnostics-api';
import { GamePlayer } from '../games/game-player';

const resultPath = (attemptId: string) => `/participant/diagnostics/results/${attemptId}`;

/**
 * A game: the player draws it, the events go to the server, which scores them. Play the server
 * finds implausible (a 422) is not a result: the pupil may play again, which restarts the game.
 */
export function GameRunner({ attempt }: { attempt: Attempt }) {
  const navigate = useNavigate();
  const submit = useSubmitGame(attempt.id);
  const restart = useStartAttempt();
  // Playing again on the same attempt draws the same game afresh.
  const [round, setRound] = useState(0);
  const refused = submit.error instanceof ApiError && submit.error.status === 422;

  const send = (events: unknown) => submit.mutate(events, { onSuccess: () => void navigate(resultPath(attempt.id), { replace: true }) });

  function playAgain() {
    restart.mutate(attempt.test.slug, {
      onSuccess: ({ attemptId }) => {
        submit.reset();
        if (attemptId === attempt.id) setRound((r) => r + 1);
        else void navigate(`/participant/diagnostics/attempts/${attemptId}`, { replace: true });
      },
    });
  }

  return (
    <Stack gap="lg">
      <Text style={{ whiteSpace: 'pre-line' }}>{attempt.test.description}</Text>
      {attempt.test.instructions && <Text style={{ whiteSpace: 'pre-line' }}>{attempt.test.instructions}</Text>}
      {attempt.test.gameType ? (
        <GamePlayer
          key={round}
          type={attempt.test.gameType}
          stimulus={attempt.stimulus}
          busy={submit.isPending}
          onFinish={send}
        />
      ) : (
        <Alert color="red" role="alert" title="Игра не открылась">
          У этой игры не указан вид. Попробуй позже.
        </Alert>
      )}
      {submit.isError && (
        <Alert color={refused ? 'orange' : 'red'} title={refused ? 'Результат не засчитан' : 'Не получилось отправить результат'} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{errorMessage(submit.error)}</Text>
            {refused ? (
              <Button onClick={playAgain} loading={restart.isPending}>
                Сыграть ещё раз
              </Button>
            ) : (
              <Button variant="outline" color="red.9" onClick={() => send(submit.variables)}>
                Отправить ещё раз
              </Button>
            )}
            {restart.isError && <Text size="sm" c="red.9">{errorMessage(restart.error)}</Text>}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

import { useCallback, useRef, useState } from 'react';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import { errorMessage } from '@web/lib/api-client';
import { saveAnswer } from './diagnostics-api';

export type SaveState = { status: 'saving' } | { status: 'saved' } | { status: 'error'; message: string };

/**
 * Saves each answer the moment it is given. One request per item at a time: a change made while
 * the previous one is on its way is sent right after it, and only the latest value counts, so a
 * quick run of clicks (or digits) ends with the last one saved. A failed save keeps its value for
 * «Повторить».
 */
export function useAnswerSaver(attemptId: string) {
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const inFlight = useRef(new Set<string>());
  const queued = useRef(new Map<string, AnswerValue>());
  const last = useRef(new Map<string, AnswerValue>());

  const setState = (itemId: string, state: SaveState) => setStates((s) => ({ ...s, [itemId]: state }));

  const send = useCallback(
    async (itemId: string) => {
      const value = queued.current.get(itemId)!;
      queued.current.delete(itemId);
      inFlight.current.add(itemId);
      setState(itemId, { status: 'saving' });
      let failure: string | null = null;
      try {
        await saveAnswer(attemptId, itemId, value);
      } catch (error) {
        failure = errorMessage(error);
      }
      inFlight.current.delete(itemId);
      if (queued.current.has(itemId)) {
        void send(itemId);
        return;
      }
      setState(itemId, failure === null ? { status: 'saved' } : { status: 'error', message: failure });
    },
    [attemptId],
  );

  const save = useCallback(
    (itemId: string, value: AnswerValue) => {
      last.current.set(itemId, value);
      queued.current.set(itemId, value);
      if (!inFlight.current.has(itemId)) void send(itemId);
    },
    [send],
  );

  const retry = useCallback(
    (itemId: string) => {
      const value = last.current.get(itemId);
      if (value !== undefined) save(itemId, value);
    },
    [save],
  );

  const busy = Object.values(states).some((s) => s.status === 'saving');
  const failed = Object.entries(states)
    .filter(([, s]) => s.status === 'error')
    .map(([id]) => id);
  return { states, save, retry, busy, failed };
}

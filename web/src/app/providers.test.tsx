import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../lib/api-client';
import { mockApi } from '../test/render';
import { sessionKey } from '../lib/session';
import { createQueryClient } from './providers';

afterEach(() => vi.unstubAllGlobals());

const signedInAs = (id: string) => ({ account: { id, role: 'participant', firstName: 'Артём', lastName: 'Иванов' } });

/** A client in which pupil p1 is signed in and has seen their cabinet and the regions list. */
function clientSeenBy() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(sessionKey, signedInAs('p1'));
  queryClient.setQueryData(['participant-cabinet'], { account: { firstName: 'Артём', phone: '+79001234567' } });
  queryClient.setQueryData(['reference', 'regions'], { regions: [{ id: 43, name: 'Кировская область' }] });
  return queryClient;
}

describe('the query client of a shared device', () => {
  it('forgets what the previous person saw when a request finds the session ended', async () => {
    mockApi({ 'GET /api/participant/cabinet': { status: 401, body: { error: { code: 'unauthenticated', message: 'Войдите снова' } } } });
    const queryClient = clientSeenBy();

    await queryClient.fetchQuery({ queryKey: ['participant-cabinet'], queryFn: () => api('/participant/cabinet') }).catch(() => undefined);

    expect(queryClient.getQueryData(sessionKey)).toEqual({ account: null });
    expect(queryClient.getQueryData(['participant-cabinet'])).toBeUndefined();
    expect(queryClient.getQueryData(['reference', 'regions'])).toBeDefined();
  });

  it('forgets it when the session itself says nobody is signed in any more', async () => {
    mockApi({ 'GET /api/auth/session': { body: { account: null } } });
    const queryClient = clientSeenBy();
    await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: () => api('/auth/session') });

    expect(queryClient.getQueryData(['participant-cabinet'])).toBeUndefined();
  });

  it('forgets it when someone else signs in on the same page, and keeps it while the same person stays', () => {
    const queryClient = clientSeenBy();

    queryClient.setQueryData(sessionKey, { account: { ...signedInAs('p1').account, firstName: 'Артемий' } });
    expect(queryClient.getQueryData(['participant-cabinet'])).toBeDefined();

    queryClient.setQueryData(sessionKey, signedInAs('p2'));
    expect(queryClient.getQueryData(['participant-cabinet'])).toBeUndefined();
    expect(queryClient.getQueryData(['reference', 'regions'])).toBeDefined();
  });
});

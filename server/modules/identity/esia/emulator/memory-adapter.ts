interface StoredEntry {
  payload: Record<string, unknown>;
  expiresAt: number;
}

/** oidc-provider's storage as a per-provider in-memory store (the built-in one is process-global and warns). */
export function memoryAdapterFactory(): (name: string) => object {
  const store = new Map<string, StoredEntry>();
  const get = (key: string): Record<string, unknown> | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  const set = (key: string, payload: Record<string, unknown>, expiresIn: number | undefined) => {
    store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY });
  };
  const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);
  // Sweep expired entries now and then so a long dev session does not grow without bound.
  let writes = 0;
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  };

  return (name: string) => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
        if (++writes % 500 === 0) sweep();
        if (name === 'Session' && typeof payload.uid === 'string') set(`sessionUid:${payload.uid}`, { id }, expiresIn);
        if (grantable.has(name) && typeof payload.grantId === 'string') {
          const grantKey = `grant:${payload.grantId}`;
          const existing = get(grantKey);
          const keys = Array.isArray(existing?.keys) ? (existing.keys as string[]) : [];
          keys.push(key(id));
          set(grantKey, { keys }, expiresIn);
        }
        if (typeof payload.userCode === 'string') set(`userCode:${payload.userCode}`, { id }, expiresIn);
        set(key(id), payload, expiresIn);
      },
      async find(id: string) {
        return get(key(id));
      },
      async findByUid(uid: string) {
        const ref = get(`sessionUid:${uid}`);
        return typeof ref?.id === 'string' ? get(key(ref.id)) : undefined;
      },
      async findByUserCode(userCode: string) {
        const ref = get(`userCode:${userCode}`);
        return typeof ref?.id === 'string' ? get(key(ref.id)) : undefined;
      },
      async consume(id: string) {
        const payload = get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId: string) {
        const grantKey = `grant:${grantId}`;
        const ref = get(grantKey);
        if (Array.isArray(ref?.keys)) for (const k of ref.keys as string[]) store.delete(k);
        store.delete(grantKey);
      },
    };
  };
}

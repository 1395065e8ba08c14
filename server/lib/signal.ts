/**
 * A fact a module announces once it is committed, for whoever wants to count or react to it
 * (the metrics, wired in app.ts), so the announcing module never imports its listeners. Listeners
 * are kept per application, as a test process builds several; they run synchronously and must not
 * throw, since the request whose fact they hear has already succeeded.
 */
export interface Signal<T> {
  on(app: object, listener: (fact: T) => void): void;
  emit(app: object, fact: T): void;
}

export function createSignal<T>(): Signal<T> {
  const listeners = new WeakMap<object, Array<(fact: T) => void>>();
  return {
    on(app, listener) {
      listeners.set(app, [...(listeners.get(app) ?? []), listener]);
    },
    emit(app, fact) {
      for (const listener of listeners.get(app) ?? []) listener(fact);
    },
  };
}

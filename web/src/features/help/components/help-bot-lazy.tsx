import { lazy, Suspense } from 'react';

const HelpBot = lazy(async () => ({ default: (await import('./help-bot')).HelpBot }));

/** The chat bot, downloaded after the page itself so it adds nothing to the first load of a cabinet. */
export function LazyHelpBot() {
  return (
    <Suspense fallback={null}>
      <HelpBot />
    </Suspense>
  );
}

/** Only paths of this site may be a destination after sign-in: a link must not send people elsewhere. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 300) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/')) return null;
  return value;
}

/** Parents sign in through Госуслуги: the server redirects there and back to returnTo. */
export function esiaSignInUrl(returnTo?: string | null): string {
  const safe = safeReturnPath(returnTo);
  return safe ? `/api/auth/esia/start?returnTo=${encodeURIComponent(safe)}` : '/api/auth/esia/start';
}

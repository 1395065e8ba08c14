export const SITE_NAME = 'Билет в будущее';

/** The support address can differ per installation; the build takes it from VITE_SUPPORT_EMAIL. */
export const SUPPORT_EMAIL: string = import.meta.env.VITE_SUPPORT_EMAIL ?? 'support@bilet.local';

import { z } from 'zod';
import type { Role } from '../roles.js';
import { passwordSchema, tokenSchema } from './fields.js';

/** How many single-use recovery codes a staff member gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** Spaces and hyphens people copy along with a code mean nothing; letters are compared in lower case. */
export function normaliseSecondFactorCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export const TOTP_CODE_PATTERN = /^\d{6}$/;
/** Ten letters and digits, shown to people as two groups of five: `k7m2q-x9hta`. */
export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{10}$/;

const TOTP_HINT = 'Введите 6 цифр из приложения-аутентификатора';

/** Only a code from the authenticator app (enabling the factor proves the app works). */
export const totpCodeSchema = z
  .string({ error: TOTP_HINT })
  .max(20, { error: TOTP_HINT })
  .transform(normaliseSecondFactorCode)
  .pipe(z.string().regex(TOTP_CODE_PATTERN, { error: TOTP_HINT }));

/** A code from the app or one of the recovery codes; the normalised form tells which by its length. */
export const secondFactorCodeSchema = z
  .string({ error: 'Введите код' })
  .max(40, { error: 'Слишком длинный код' })
  .transform(normaliseSecondFactorCode)
  .pipe(
    z.string().refine((v) => TOTP_CODE_PATTERN.test(v) || RECOVERY_CODE_PATTERN.test(v), {
      error: 'Введите 6 цифр из приложения или резервный код вида xxxxx-xxxxx',
    }),
  );

const START_AGAIN = 'Начните вход заново: введите почту и пароль';

export const secondFactorSignInSchema = z.strictObject({
  challenge: z
    .string({ error: START_AGAIN })
    .min(20, { error: START_AGAIN })
    .max(200, { error: START_AGAIN })
    .regex(/^[A-Za-z0-9_-]+$/, { error: START_AGAIN }),
  code: secondFactorCodeSchema,
});

export const totpCodeBodySchema = z.strictObject({ code: totpCodeSchema });
export const secondFactorCodeBodySchema = z.strictObject({ code: secondFactorCodeSchema });

export const staffConsentBodySchema = z.strictObject({
  version: z.string({ error: 'Укажите редакцию согласия' }).min(1, { error: 'Укажите редакцию согласия' }).max(20, { error: 'Неизвестная редакция согласия' }),
});

export const staffInvitationParamsSchema = z.strictObject({ token: tokenSchema });
export const acceptStaffInvitationSchema = z.strictObject({ token: tokenSchema, password: passwordSchema });

/** Answers the pages read; the server builds exactly these. */
export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

export interface StaffConsentState {
  version: string;
  title: string;
  body: string;
  acceptedVersion: string | null;
  acceptedAt: string | null;
}

export interface StaffInvitationDetails {
  firstName: string;
  lastName: string;
  role: Role;
  roleLabel: string;
  organisation: string;
  email: string;
  inviterName: string | null;
}

export type SignInAnswer = { role: Role; secondFactorRequired?: undefined } | { secondFactorRequired: true; challenge: string };

import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict, forbidden } from '@server/lib/errors.js';
import { SECOND_FACTOR_REQUIRED } from '@common/permissions.js';
import type { Role } from '@common/roles.js';
import {
  RECOVERY_CODE_COUNT,
  TOTP_CODE_PATTERN,
  normaliseSecondFactorCode,
  type SecondFactorStatus,
  type TotpSetup,
} from '@common/schemas/staff-access.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findAccountById } from './accounts.repository.js';
import { lockedUntil } from './auth.repository.js';
import { accountKeyOf, openSession, recordSignInFailure, type NewSession } from './auth.service.js';
import {
  advanceTotpStep,
  countRecoveryCodesLeft,
  findSecondFactor,
  replaceRecoveryCodes,
  upsertOwnStaffProfile,
  useRecoveryCode,
} from './second-factor.repository.js';
import { inspectToken, markTokenUsed } from './tokens.repository.js';

/** What authenticator apps expect by default; anything else some of them silently get wrong. */
const TOTP_PARAMS = { issuer: 'Билет в будущее', algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** One step either side covers a phone clock that is up to half a minute off. */
const TOTP_WINDOW = 1;

/** No 0/o, 1/l/i: a code read from paper must not be ambiguous. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

type CodeFailure = 'wrong_code' | 'replayed_code';
type CodeCheck = { ok: true; method: 'totp' | 'recovery_code' } | { ok: false; reason: CodeFailure | 'not_enabled' };

const challengeProblem = () =>
  new AppError('second_factor_challenge_invalid', 401, 'Время на ввод кода вышло или вход начат заново. Введите почту и пароль ещё раз');

const lockedProblem = () =>
  new AppError('second_factor_locked', 429, 'Слишком много неверных попыток. Вход временно закрыт — попробуйте через 15 минут');

const notEnabled = () => conflict('second_factor_not_enabled', 'Вход с кодом из приложения ещё не включён');

const CODE_MESSAGES: Record<CodeFailure, { message: string; field: string }> = {
  wrong_code: {
    message: 'Код не подошёл',
    field: 'Код не подошёл. Проверьте, что время на телефоне точное, и введите новый код из приложения или резервный код',
  },
  replayed_code: {
    message: 'Этот код уже использован',
    field: 'Этот код уже использован. Дождитесь, когда приложение покажет следующий, и введите его',
  },
};

function codeProblem(reason: CodeFailure, status: 400 | 401): AppError {
  const { message, field } = CODE_MESSAGES[reason];
  return new AppError(reason === 'wrong_code' ? 'bad_second_factor_code' : 'second_factor_code_reused', status, message, { code: field });
}

function totpOf(secretBase32: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ ...TOTP_PARAMS, label, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/** The time step the code belongs to, or null when it matches none within the window. */
function matchTotpStep(secretBase32: string, code: string): number | null {
  const totp = totpOf(secretBase32);
  const timestamp = Date.now();
  const delta = totp.validate({ token: code, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/**
 * Recovery codes are hashed with the keyed blind index rather than a bare hash: about fifty random bits
 * are too few to survive brute force against a leaked dump, but useless without the key.
 */
function hashRecoveryCode(ctx: AppContext, normalisedCode: string): string {
  return ctx.pd.blindIndex(`recovery-code:${normalisedCode}`);
}

function newRecoveryCodes(): string[] {
  const group = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${group()}-${group()}`);
}

/** Stores a fresh set of recovery codes (the old ones stop working) and returns them in plain text, once. */
async function issueRecoveryCodes(ctx: AppContext, tx: Tx, accountId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, accountId, codes.map((c) => hashRecoveryCode(ctx, normaliseSecondFactorCode(c))));
  return codes;
}

/**
 * Checks a normalised code (six digits from the app, or a recovery code) against the account's
 * enabled factor and spends it: the TOTP step can never be accepted again, a recovery code is marked used.
 */
async function spendCode(ctx: AppContext, tx: Tx, accountId: string, code: string, actor: AuditActor): Promise<CodeCheck> {
  const factor = await findSecondFactor(tx, accountId);
  if (!factor?.totpEnabledAt || !factor.totpSecretEnc) return { ok: false, reason: 'not_enabled' };
  if (TOTP_CODE_PATTERN.test(code)) {
    const step = matchTotpStep(ctx.pd.decrypt(factor.totpSecretEnc), code);
    if (step === null) return { ok: false, reason: 'wrong_code' };
    if (!(await advanceTotpStep(tx, accountId, step))) return { ok: false, reason: 'replayed_code' };
    return { ok: true, method: 'totp' };
  }
  if (!(await useRecoveryCode(tx, accountId, hashRecoveryCode(ctx, code)))) return { ok: false, reason: 'wrong_code' };
  await recordAudit(tx, actor, 'auth.second_factor.recovery_used', accountId, { left: await countRecoveryCodesLeft(tx, accountId) });
  return { ok: true, method: 'recovery_code' };
}

async function assertNotLocked(ctx: AppContext, email: string, actor: AuditActor, accountId: string): Promise<void> {
  const locked = await lockedUntil(ctx.db, [accountKeyOf(ctx, email), `ip:${actor.ip}`]);
  if (!locked) return;
  await recordAudit(ctx.db, actor, 'auth.sign_in.locked', accountId, { until: locked.toISOString(), step: 'second_factor' });
  throw lockedProblem();
}

/** A wrong code counts towards the same lockout as a wrong password. */
async function recordCodeFailure(ctx: AppContext, tx: Tx, email: string, accountId: string, actor: AuditActor, reason: CodeFailure): Promise<void> {
  await recordSignInFailure(tx, accountKeyOf(ctx, email), actor.ip);
  await recordAudit(tx, actor, 'auth.second_factor.failed', accountId, { reason });
}

/**
 * Spends a current code of the signed-in staff member, then does the work in the same transaction:
 * changes to the factor itself need one. Wrong codes count and are audited as at sign-in.
 */
async function withOwnCode<T>(ctx: AppContext, accountId: string, code: string, actor: AuditActor, work: (tx: Tx) => Promise<T>): Promise<T> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw forbidden();
  await assertNotLocked(ctx, account.email, actor, accountId);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const check = await spendCode(ctx, tx, accountId, code, actor);
    if (check.ok) return { ok: true as const, value: await work(tx) };
    if (check.reason !== 'not_enabled') await recordCodeFailure(ctx, tx, account.email, accountId, actor, check.reason);
    return check;
  });
  if (outcome.ok) return outcome.value;
  if (outcome.reason === 'not_enabled') throw notEnabled();
  throw codeProblem(outcome.reason, 400);
}

/**
 * Second step of sign-in: the challenge from the password step and a code. Opens the session only
 * when both hold; the challenge is spent then, and stays usable for another try after a wrong code.
 */
export async function completeSecondFactorSignIn(
  ctx: AppContext,
  input: { challenge: string; code: string },
  actor: AuditActor,
  previousHash: string | null,
): Promise<NewSession> {
  const pending = await inspectToken(ctx.db, input.challenge, ['second_factor']);
  if (pending.state !== 'valid') throw challengeProblem();
  const account = await findAccountById(ctx.db, pending.accountId);
  if (!account || account.status === 'disabled') throw challengeProblem();
  const who: AuditActor = { ...actor, actorId: account.id, actorRole: account.role };
  await assertNotLocked(ctx, account.email, who, account.id);

  const outcome = await inTransaction(ctx.db, async (tx): Promise<CodeCheck | { ok: false; reason: 'challenge' }> => {
    const claimed = await inspectToken(tx, input.challenge, ['second_factor'], true);
    if (claimed.state !== 'valid') return { ok: false, reason: 'challenge' };
    const check = await spendCode(ctx, tx, account.id, input.code, who);
    if (check.ok) {
      await markTokenUsed(tx, claimed.id);
      await recordAudit(tx, who, 'auth.sign_in.succeeded', account.id, { secondFactor: check.method });
    } else if (check.reason !== 'not_enabled') {
      await recordCodeFailure(ctx, tx, account.email, account.id, who, check.reason);
    }
    return check;
  });
  if (!outcome.ok) {
    if (outcome.reason === 'challenge' || outcome.reason === 'not_enabled') throw challengeProblem();
    throw codeProblem(outcome.reason, 401);
  }
  return openSession(ctx, account.id, account.role as Role, previousHash);
}

/** Whether the factor is on, whether the role must have it, and how many recovery codes remain. */
export async function secondFactorStatus(ctx: AppContext, accountId: string, role: Role): Promise<SecondFactorStatus> {
  const factor = await findSecondFactor(ctx.db, accountId);
  const enabled = Boolean(factor?.totpEnabledAt);
  return {
    enabled,
    required: SECOND_FACTOR_REQUIRED.includes(role),
    recoveryCodesLeft: enabled ? await countRecoveryCodesLeft(ctx.db, accountId) : 0,
  };
}

/**
 * A new secret for the authenticator app, kept aside until a code from it proves the app holds it.
 * With the factor already on, this is how a staff member moves it to a new phone.
 */
export async function beginTotpSetup(ctx: AppContext, accountId: string): Promise<TotpSetup> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw forbidden();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await upsertOwnStaffProfile(ctx.db, accountId, { totpPendingSecretEnc: ctx.pd.encrypt(secret) });
  const otpauthUri = totpOf(secret, account.email).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 264 });
  return { secret, otpauthUri, qrDataUrl };
}

/** Turns the factor on with the pending secret once a code from it matches; returns the recovery codes, shown once. */
export async function enableTotp(ctx: AppContext, accountId: string, code: string, actor: AuditActor): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const factor = await findSecondFactor(tx, accountId);
    if (!factor?.totpPendingSecretEnc) {
      throw conflict('second_factor_setup_missing', 'Сначала получите новый QR-код: настройка не начата или уже завершена');
    }
    const secret = ctx.pd.decrypt(factor.totpPendingSecretEnc);
    const step = matchTotpStep(secret, code);
    if (step === null) {
      throw badRequest('bad_second_factor_code', 'Код не подошёл', {
        code: 'Код не подошёл. Проверьте, что отсканирован последний QR-код и время на телефоне точное',
      });
    }
    await upsertOwnStaffProfile(tx, accountId, {
      totpSecretEnc: factor.totpPendingSecretEnc,
      totpPendingSecretEnc: null,
      totpEnabledAt: new Date(),
      totpLastStep: step,
    });
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, accountId);
    await recordAudit(tx, actor, 'auth.second_factor.enabled', accountId, { replaced: Boolean(factor.totpEnabledAt) });
    return { recoveryCodes };
  });
}

/** Only roles for which the factor is optional may turn it off, and only with a current code. */
export async function disableTotp(ctx: AppContext, accountId: string, role: Role, code: string, actor: AuditActor): Promise<void> {
  if (SECOND_FACTOR_REQUIRED.includes(role)) {
    throw forbidden('Для вашей роли вход с кодом обязателен — отключить его нельзя. Чтобы перенести его на новый телефон, настройте его заново');
  }
  await withOwnCode(ctx, accountId, code, actor, async (tx) => {
    await upsertOwnStaffProfile(tx, accountId, { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    await replaceRecoveryCodes(tx, accountId, []);
    await recordAudit(tx, actor, 'auth.second_factor.disabled', accountId);
  });
}

/** A new set of recovery codes for a current code; every earlier recovery code stops working. */
export async function renewRecoveryCodes(ctx: AppContext, accountId: string, code: string, actor: AuditActor): Promise<{ recoveryCodes: string[] }> {
  return withOwnCode(ctx, accountId, code, actor, async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, accountId);
    await recordAudit(tx, actor, 'auth.recovery_codes.renewed', accountId);
    return { recoveryCodes };
  });
}

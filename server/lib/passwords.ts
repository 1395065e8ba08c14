import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from '@common/common-passwords.js';
import { badRequest } from './errors.js';

// Algorithm.Argon2id; the package's const enum cannot be read under isolatedModules.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Unknown accounts are checked against this too, so the answer takes as long as for a real one. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('bilet-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Length is checked by the schema; here only the list of passwords everyone tries first. */
export function assertPasswordNotCommon(password: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw badRequest('weak_password', 'Этот пароль слишком распространён', {
      [field]: 'Этот пароль слишком распространён — его подбирают первым. Придумайте другой',
    });
  }
}

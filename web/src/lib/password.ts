import type { FormErrors } from '@mantine/form';
import { isCommonPassword } from '@common/common-passwords.js';
import { passwordSchema } from '@common/schemas/fields.js';
import { schemaErrors } from './forms';

export const PASSWORD_HINT =
  'Не короче 8 символов. Подойдут любые буквы, цифры и знаки — лишь бы пароль не был из списка самых популярных вроде «12345678» или «qwertyui».';

/** The server refuses these too; saying so while typing saves a round trip. */
export function commonPasswordError(password: string, field = 'password'): FormErrors {
  return password && isCommonPassword(password)
    ? { [field]: 'Этот пароль слишком распространён — его подбирают первым. Придумайте другой' }
    : {};
}

/** A new password on a form of its own: the server's rules plus the list of common ones, under the "password" field. */
export function newPasswordErrors(password: string): FormErrors {
  return { ...schemaErrors(passwordSchema, password, () => 'password'), ...commonPasswordError(password) };
}

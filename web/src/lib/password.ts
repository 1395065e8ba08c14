import type { FormErrors } from '@mantine/form';
import { isCommonPassword } from '../../../common/common-passwords.js';

export const PASSWORD_HINT =
  'Не короче 8 символов. Подойдут любые буквы, цифры и знаки — лишь бы пароль не был из списка самых популярных вроде «12345678» или «qwertyui».';

/** The server refuses these too; saying so while typing saves a round trip. */
export function commonPasswordError(password: string, field = 'password'): FormErrors {
  return password && isCommonPassword(password)
    ? { [field]: 'Этот пароль слишком распространён — его подбирают первым. Придумайте другой' }
    : {};
}

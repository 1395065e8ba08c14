import type { CreateForm, CreateFormErrors } from '../citizen-form.js';
import { esc } from './html.js';

/** The form that creates a test citizen and signs in as them, with the errors of the last try. */
export function createCitizenFormView(base: string, form: CreateForm, errors: CreateFormErrors): string {
  const field = (name: keyof CreateForm, label: string, type: string, extra = '', hint = '') => {
    const err = errors[name];
    const hintId = `${name}-hint`;
    const errId = `${name}-error`;
    const describedBy = [hint ? hintId : '', err ? errId : ''].filter(Boolean).join(' ');
    return `<label for="f-${name}">${esc(label)}${hint ? `<span class="hint" id="${hintId}">${esc(hint)}</span>` : ''}</label>
<input id="f-${name}" name="${name}" type="${type}" value="${esc(form[name])}" ${extra}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${err ? ' aria-invalid="true"' : ''}>
${err ? `<span class="hint field-error" id="${errId}">${esc(err)}</span>` : ''}`;
  };
  return `<section class="card" aria-labelledby="create-title">
<h2 id="create-title">Создать тестового гражданина</h2>
<p class="meta">Все поля необязательны: пустое поле означает, что ЕСИА не передаст эти данные. После создания выполняется вход.</p>
<form method="post" action="${esc(base)}/create" novalidate>
${field('lastName', 'Фамилия', 'text', 'autocomplete="off" maxlength="100"')}
${field('firstName', 'Имя', 'text', 'autocomplete="off" maxlength="100"')}
${field('middleName', 'Отчество', 'text', 'autocomplete="off" maxlength="100"')}
${field('birthDate', 'Дата рождения', 'date', 'min="1900-01-01"')}
${field('snils', 'СНИЛС', 'text', 'inputmode="numeric" autocomplete="off" maxlength="20"', '11 цифр, например 123-456-789 01; контрольное число не проверяется')}
${field('email', 'Электронная почта', 'email', 'autocomplete="off" maxlength="254"')}
<label class="check" for="f-emailVerified"><input id="f-emailVerified" name="emailVerified" type="checkbox" value="1"${form.emailVerified ? ' checked' : ''}>Почта подтверждена</label>
<div class="actions"><button type="submit" class="primary">Создать и войти</button></div>
</form>
</section>`;
}

import type { EsiaTestCitizen } from '../citizens.js';
import type { CreateForm, CreateFormErrors } from '../citizen-form.js';
import { citizenListView } from './citizen-list.view.js';
import { createCitizenFormView } from './create-citizen-form.view.js';
import { esc } from './html.js';
import { pageShell } from './layout.view.js';

export interface SignInViewModel {
  nonce: string;
  /** The interaction's own path; the forms post to its /login, /create and /abort. */
  base: string;
  clientName: string;
  citizens: EsiaTestCitizen[];
  form: CreateForm;
  errors: CreateFormErrors;
}

/** The emulator's sign-in page: the errors of the last try, the citizens, the form to create one, and cancel. */
export function signInView({ nonce, base, clientName, citizens, form, errors }: SignInViewModel): string {
  const errorList = Object.entries(errors).filter(([, v]) => v);
  const body = `<h1>Вход через Госуслуги</h1>
<p class="warn" role="note"><strong>Тестовый вход.</strong> Это эмулятор ЕСИА: выберите вымышленного гражданина, чтобы войти в «${esc(clientName)}». Настоящие данные не вводите.</p>
${
  errorList.length
    ? `<div class="errors" role="alert" tabindex="-1"><strong>Исправьте ошибки:</strong><ul>${errorList
        .map(([k, v]) => `<li>${k === 'sub' ? esc(v) : `<a href="#f-${esc(k)}">${esc(v)}</a>`}</li>`)
        .join('')}</ul></div>`
    : ''
}
${citizenListView(base, citizens)}
${createCitizenFormView(base, form, errors)}
<form method="post" action="${esc(base)}/abort" class="actions">
<button type="submit" class="secondary">Отмена</button>
</form>`;
  return pageShell(nonce, 'Госуслуги — тестовый вход (эмулятор ЕСИА)', body);
}

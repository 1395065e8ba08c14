import { pageShell } from './layout.view.js';

/** oidc-provider's sign-out question; `form` is its own hidden form that the buttons submit. */
export function logoutView(form: string): string {
  return pageShell(
    undefined,
    'Выход — эмулятор ЕСИА',
    `<h1>Выйти из тестовой учётной записи?</h1><div class="card">${form}
<div class="actions"><button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Выйти</button>
<button class="secondary" type="submit" form="op.logoutForm">Остаться</button></div></div>`,
  );
}

import { esc } from './html.js';
import { pageShell } from './layout.view.js';

/** A page that says one thing: an error, an expired sign-in, a completed sign-out. */
export function messagePage(nonce: string | undefined, title: string, text: string): string {
  return pageShell(
    nonce,
    `${title} — эмулятор ЕСИА`,
    `<h1>${esc(title)}</h1><div class="card"><p>${esc(text)}</p></div>`,
  );
}

import { maskSnils } from '@common/validators.js';
import type { EsiaTestCitizen } from '../citizens.js';
import { esc } from './html.js';

function fullName(c: EsiaTestCitizen): string {
  return [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ') || 'Без имени';
}

function ruDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The test citizens, each with what ESIA would not pass on and a button to sign in as them. */
export function citizenListView(base: string, citizens: EsiaTestCitizen[]): string {
  const list = citizens
    .map((c) => {
      const name = fullName(c);
      const tags = [!c.snils ? 'нет СНИЛС' : '', !c.email ? 'нет e-mail' : '', !c.birthDate ? 'нет даты рождения' : '']
        .filter(Boolean)
        .map((t) => `<span class="tag">${t}</span>`)
        .join('');
      return `<li>
<div class="who"><strong>${esc(name)}</strong>
<span class="meta">Дата рождения: <span class="nw">${c.birthDate ? esc(ruDate(c.birthDate)) : 'не указана'}</span></span>
<span class="meta">СНИЛС: <span class="nw">${c.snils ? esc(maskSnils(c.snils)) : 'не указан'}</span></span>
${tags ? `<div>${tags}</div>` : ''}</div>
<form class="inline" method="post" action="${esc(base)}/login">
<input type="hidden" name="sub" value="${esc(c.sub)}">
<button type="submit" class="primary" aria-label="Войти как ${esc(name)}">Войти</button>
</form>
</li>`;
    })
    .join('\n');
  return `<section class="card" aria-labelledby="list-title">
<h2 id="list-title">Тестовые граждане</h2>
<ul class="citizens">
${list}
</ul>
</section>`;
}

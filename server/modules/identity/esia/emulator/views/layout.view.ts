import { esc } from './html.js';

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Helvetica Neue",Arial,"Segoe UI",Roboto,sans-serif;background:#f1f5fa;color:#0b1f33;line-height:1.45}
header{background:#fff;border-bottom:1px solid #dde3ec}
.bar{max-width:640px;margin:0 auto;padding:12px 16px;display:flex;align-items:center;gap:10px}
.logo{display:inline-flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:8px;background:#0d4cd3;color:#fff;font-weight:700;font-size:18px}
.brand{font-weight:700;font-size:18px}.brand span{display:block;font-weight:400;font-size:13px;color:#66727f}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:8px 0 12px}
h2{font-size:1.15rem;margin:0 0 12px}
.card{background:#fff;border-radius:12px;padding:16px;margin:0 0 16px;box-shadow:0 1px 4px rgba(11,31,51,.08)}
.warn{background:#fff4e5;border:1px solid #f2b35b;border-radius:8px;padding:10px 12px;margin:0 0 16px;font-size:.95rem}
.errors{background:#fdecec;border:1px solid #e57373;border-radius:8px;padding:10px 12px;margin:0 0 16px}
.errors ul{margin:4px 0 0;padding-left:20px}
ul.citizens{list-style:none;margin:0;padding:0}
ul.citizens li{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding:12px 0;border-top:1px solid #e6ebf2}
ul.citizens li:first-child{border-top:0}
.who{min-width:0;flex:1 1 220px}.who strong{display:block;overflow-wrap:anywhere}
.meta{display:block;font-size:.9rem;color:#4a5a6a}.nw{white-space:nowrap}
.tag{display:inline-block;font-size:.8rem;background:#eef2f7;border-radius:4px;padding:0 6px;margin-right:4px}
form.inline{margin:0}
label{display:block;font-weight:600;margin:12px 0 4px}
.hint{display:block;font-weight:400;font-size:.85rem;color:#5b6774}
.field-error{color:#b71c1c;margin-top:4px}
input[type=text],input[type=date],input[type=email]{width:100%;min-height:44px;padding:8px 12px;font:inherit;border:1px solid #b8c3d0;border-radius:8px;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#d32f2f}
.check{display:flex;align-items:center;gap:8px;font-weight:400}
.check input{width:20px;height:20px;margin:0}
button{min-height:44px;padding:8px 20px;font:inherit;font-weight:600;border-radius:8px;border:1px solid #0d4cd3;cursor:pointer}
button.primary{background:#0d4cd3;color:#fff}
button.primary:hover{background:#0b3fb0}
button.secondary{background:#fff;color:#0d4cd3}
button:focus-visible,input:focus-visible{outline:3px solid #ff9e00;outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
footer{max-width:640px;margin:0 auto;padding:0 16px 24px;font-size:.85rem;color:#4f5b67}
`;

/** `nonce` is omitted for pages oidc-provider itself serves (no CSP header of ours there). */
export function pageShell(nonce: string | undefined, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>${STYLE}</style>
</head>
<body>
<header><div class="bar"><span class="logo" aria-hidden="true">Г</span><div class="brand">Госуслуги<span>тестовый вход (эмулятор ЕСИА)</span></div></div></header>
<main id="main">
${body}
</main>
<footer>Эмулятор ЕСИА для разработки и тестирования. Данные вымышленные.</footer>
</body>
</html>`;
}

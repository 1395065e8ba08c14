import { describe, expect, it } from 'vitest';
import { articlePlainText, renderArticleHtml } from './markdown.js';

describe('rendering an article', () => {
  it('turns Markdown into the few tags the page allows, a top heading one level down', () => {
    const html = renderArticleHtml('# Шаг\n\n**Важно:** пройди *тест*.\n\n- один\n- два\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h2>Шаг</h2>');
    expect(html).toContain('<strong>Важно:</strong>');
    expect(html).toContain('<em>тест</em>');
    expect(html).toContain('<li>один</li>');
    expect(html).toContain('<td>1</td>');
  });

  it('shows HTML of a body as text and never as markup', () => {
    const html = renderArticleHtml('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="javascript:alert(3)">жми</a>');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps web, mail and site links, opens outside ones apart, and drops scripted ones', () => {
    const html = renderArticleHtml('[сайт](https://example.ru) [почта](mailto:a@b.ru) [тут](/help/faq) [плохо](javascript:alert(1)) [данные](data:text/html,x)');
    expect(html).toContain('<a href="https://example.ru" rel="noopener noreferrer" target="_blank">сайт</a>');
    expect(html).toContain('<a href="mailto:a@b.ru">почта</a>');
    expect(html).toContain('<a href="/help/faq">тут</a>');
    expect(html).not.toMatch(/href="(javascript|data):/);
  });

  it('lets through only the help centre’s own pictures', () => {
    expect(renderArticleHtml('![Вход](images/signin.png)')).toContain('<img src="/api/help/images/files/signin.png" alt="Вход" loading="lazy" />');
    expect(renderArticleHtml('![id](/api/help/images/0b5c6a4e-1f0e-4d7c-9a1f-0d4c2e6b8a11)')).toContain('src="/api/help/images/0b5c6a4e-1f0e-4d7c-9a1f-0d4c2e6b8a11"');
    expect(renderArticleHtml('![чужая](https://evil.example/x.png)')).not.toContain('<img');
    expect(renderArticleHtml('![выход](images/../../secret.png)')).not.toContain('<img');
  });

  it('gives the plain text search indexes, a paragraph a line, entities decoded', () => {
    const text = articlePlainText(renderArticleHtml('## Вход\n\nНажмите «Войти» & ждите.\n\n- раз\n- два'));
    expect(text).toBe('Вход\nНажмите «Войти» & ждите.\nраз\nдва');
  });
});

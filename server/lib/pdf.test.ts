import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { createPdf } from './pdf.js';

describe('createPdf', () => {
  it('writes Cyrillic in both registered fonts and gives the whole file', async () => {
    const { doc, finish } = createPdf({ size: 'A4', margin: 50 });
    doc.font('bold').text('Заголовок — «ёлочки»');
    doc.font('regular').text('Обычный текст, № 5');
    const body = await finish();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
    expect(text).toContain('Заголовок — «ёлочки»');
    expect(text).toContain('Обычный текст, № 5');
  });
});

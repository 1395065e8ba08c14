import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, sanitiseFileName } from './file-names.js';

describe('sanitiseFileName', () => {
  it('keeps an ordinary Russian name and sets the extension of the real content', () => {
    expect(sanitiseFileName('Согласие Иванов 7Б.pdf', 'pdf', 'скан')).toBe('Согласие Иванов 7Б.pdf');
    expect(sanitiseFileName('скан №3 (2).JPG', 'png', 'скан')).toBe('скан №3 (2).png');
    expect(sanitiseFileName('без расширения', 'jpg', 'скан')).toBe('без расширения.jpg');
    expect(sanitiseFileName('setup.exe', 'pdf', 'скан')).toBe('setup.pdf');
  });

  it('keeps only the last path segment', () => {
    expect(sanitiseFileName('../../etc/passwd.pdf', 'pdf', 'скан')).toBe('passwd.pdf');
    expect(sanitiseFileName('..\\..\\windows\\win.ini', 'pdf', 'скан')).toBe('win.pdf');
    expect(sanitiseFileName('../..', 'pdf', 'скан')).toBe('скан.pdf');
  });

  it('drops control and direction-override characters and replaces unsafe ones', () => {
    expect(sanitiseFileName('a\u0000b\u001fc\r\n.pdf', 'pdf', 'скан')).toBe('abc.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe', 'pdf', 'скан')).toBe('invoicefdp.pdf');
    expect(sanitiseFileName('<script>"x";.pdf', 'pdf', 'скан')).toBe('script__x__.pdf');
  });

  it('falls back to a default name when nothing readable is left', () => {
    expect(sanitiseFileName(undefined, 'png', 'согласие')).toBe('согласие.png');
    expect(sanitiseFileName('', 'png', 'согласие')).toBe('согласие.png');
    expect(sanitiseFileName('....pdf', 'pdf', 'согласие')).toBe('согласие.pdf');
    expect(sanitiseFileName('<>|?*.pdf', 'pdf', 'согласие')).toBe('согласие.pdf');
  });

  it('cuts long names to 255 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'я'.repeat(400)}.pdf`, 'pdf', 'скан');
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('я.pdf')).toBe(true);
  });

  it('never yields a path, a control character or more than 255 characters, whatever comes in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
        const name = sanitiseFileName(raw, 'pdf', 'скан');
        expect(name).not.toMatch(/[/\\\p{C}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(name.endsWith('.pdf')).toBe(true);
        expect(Array.from(name).length).toBeLessThanOrEqual(255);
      }),
    );
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name encoded by RFC 5987', () => {
    expect(attachmentDisposition('Согласие (копия).pdf')).toBe(
      `attachment; filename="________ (_____).pdf"; filename*=UTF-8''%D0%A1%D0%BE%D0%B3%D0%BB%D0%B0%D1%81%D0%B8%D0%B5%20%28%D0%BA%D0%BE%D0%BF%D0%B8%D1%8F%29.pdf`,
    );
    expect(decodeURIComponent(attachmentDisposition("it's.pdf").split("UTF-8''")[1]!)).toBe("it's.pdf");
    expect(attachmentDisposition('a"b\\c%.pdf')).toContain('filename="a_b_c_.pdf"');
  });

  it('takes a given ASCII fallback, still made safe for the quoted string', () => {
    expect(attachmentDisposition('Показатели KPI.csv', 'kpi_region-50_figures.csv')).toBe(
      `attachment; filename="kpi_region-50_figures.csv"; filename*=UTF-8''%D0%9F%D0%BE%D0%BA%D0%B0%D0%B7%D0%B0%D1%82%D0%B5%D0%BB%D0%B8%20KPI.csv`,
    );
    expect(attachmentDisposition('отчёт.pdf', 'a"b\\c%й.pdf')).toContain('filename="a_b_c__.pdf"');
  });
});

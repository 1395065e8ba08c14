import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  completeInn,
  completeOgrn,
  isValidInn,
  isValidOgrn,
  formatSnils,
  isPupilSnils,
  isValidSnils,
  maskSnils,
  normalizeBirthCertificate,
  normalizePassport,
  normalizePersonName,
  normalizePhone,
  normalizeSnils,
  snilsControl,
} from './validators.js';

describe('SNILS', () => {
  it('accepts numbers whose control digits match the weighted sum', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils(normalizeSnils('112-233-445 95'))).toBe(true);
  });
  it('refuses a wrong control number, wrong length and letters', () => {
    expect(isValidSnils('11223344596')).toBe(false);
    expect(isValidSnils('1122334459')).toBe(false);
    expect(isValidSnils('1122334459a')).toBe(false);
  });
  it('writes a weighted sum of 100 or 101 as 00', () => {
    expect(isValidSnils('00101998900')).toBe(true); // weighted sum 100
    expect(isValidSnils('00102998500')).toBe(true); // weighted sum 101
    expect(isValidSnils('00102998501')).toBe(false);
  });
  it('refuses for a pupil every number issued before control numbers, whatever its last two digits; an adult may hold one', () => {
    expect(isPupilSnils('00000000000')).toBe(false);
    expect(isPupilSnils('00000000001')).toBe(false);
    expect(isPupilSnils(normalizeSnils('001-001-998 00'))).toBe(false);
    expect(isValidSnils(normalizeSnils('001-001-998 00'))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_001_998 }), fc.integer({ min: 0, max: 99 }), (body, control) =>
        !isPupilSnils(String(body).padStart(9, '0') + String(control).padStart(2, '0')),
      ),
    );
  });
  it('accepts exactly one control number for every later body', () => {
    expect(isValidSnils(normalizeSnils('001-001-999 ' + String(snilsControl('001001999')).padStart(2, '0')))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1_001_999, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (n, control) => {
        const body = String(n).padStart(9, '0');
        let sum = 0;
        for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
        // The rule as the Pension Fund states it: below 100 the sum itself, 100 and 101 are 00, above that the sum modulo 101 by the same rule.
        const reduced = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
        const digits = body + String(control).padStart(2, '0');
        return isValidSnils(digits) === (control === reduced) && isPupilSnils(digits) === (control === reduced);
      }),
    );
  });
  it('prints and masks the way a card shows it', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(maskSnils('11223344595')).toBe('***-***-*** 95');
  });
});

describe('documents and contacts', () => {
  it('normalises a passport to ten digits', () => {
    expect(normalizePassport('45 06 123456')).toBe('4506123456');
    expect(normalizePassport('45 06 12345')).toBeNull();
  });
  it('reads a birth certificate with Latin or Cyrillic numerals', () => {
    expect(normalizeBirthCertificate('IV-МЮ 123456')).toBe('IV-МЮ 123456');
    expect(normalizeBirthCertificate('iv мю №123456')).toBe('IV-МЮ 123456');
    expect(normalizeBirthCertificate('ІХ-ЖА 000001')).toBe('IX-ЖА 000001');
    expect(normalizeBirthCertificate('123456')).toBeNull();
  });
  it('turns Russian phone numbers into +7 and ten digits', () => {
    expect(normalizePhone('8 (912) 345-67-89')).toBe('+79123456789');
    expect(normalizePhone('+7 912 345 67 89')).toBe('+79123456789');
    expect(normalizePhone('12345')).toBeNull();
  });
});

describe('people', () => {
  it('counts age in whole years on the birthday', () => {
    expect(ageOn('2012-05-10', '2026-05-09')).toBe(13);
    expect(ageOn('2012-05-10', '2026-05-10')).toBe(14);
  });
  it('treats case, ё and spacing as the same name', () => {
    expect(normalizePersonName('  Фёдоров  ')).toBe(normalizePersonName('ФЕДОРОВ'));
  });
});

describe('ИНН and ОГРН', () => {
  it('accepts real check digits and refuses a changed digit', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidOgrn('1027700132195')).toBe(true);
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('304500116000157')).toBe(true);
    expect(isValidInn('12345')).toBe(false);
    expect(isValidOgrn('abc')).toBe(false);
  });

  it('completes digits into valid numbers', () => {
    expect(isValidInn(completeInn('434500001'))).toBe(true);
    expect(isValidOgrn(completeOgrn('102430000001'))).toBe(true);
  });
});

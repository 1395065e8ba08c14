/** Keeps only the digits of a SNILS as typed ("123-456-789 01" → "12345678901"). */
export function normalizeSnils(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The highest SNILS issued before control numbers, decades before any pupil of the programme was born. */
export const LAST_SNILS_WITHOUT_CONTROL = 1_001_998;

/** The control number of a SNILS body: the weighted sum (weights 9..1), reduced modulo 101, with 100 written as 00. */
export function snilsControl(body: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const reduced = sum % 101;
  return reduced === 100 ? 0 : reduced;
}

/**
 * The Pension Fund's rule: eleven digits whose last two are the control number of the first nine;
 * numbers up to 001-001-998 were issued before the rule and carry none. An adult (a parent signing
 * in through ESIA) may hold one of those.
 */
export function isValidSnils(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const body = digits.slice(0, 9);
  if (Number(body) <= LAST_SNILS_WITHOUT_CONTROL) return true;
  return snilsControl(body) === Number(digits.slice(9));
}

/**
 * A SNILS a pupil can hold: one with a control number. The early numbers were all issued long
 * before any pupil of grades 6–11 was born, and accepting them let one child register twice
 * (000-000-000 00, then 000-000-000 01).
 */
export function isPupilSnils(digits: string): boolean {
  return isValidSnils(digits) && Number(digits.slice(0, 9)) > LAST_SNILS_WITHOUT_CONTROL;
}

/** "12345678901" → "123-456-789 01", the way SNILS is printed on the card. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

/** Shows only the control number, enough for a person to recognise their own card. */
export function maskSnils(digits: string): string {
  return `***-***-*** ${digits.slice(9)}`;
}

/** Passport of a citizen of Russia: 4-digit series and 6-digit number, spaces allowed. */
export function normalizePassport(input: string): string | null {
  const digits = input.replace(/[\s№-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/**
 * Birth certificate of Russia: Roman-numeral series part, two Cyrillic letters, six digits
 * ("IV-МЮ 123456"). Latin I/V/X/L/C and their Cyrillic look-alikes are both accepted.
 */
export function normalizeBirthCertificate(input: string): string | null {
  const m = /^([IVXLCІХСЛ1]{1,6})\s*-?\s*([А-ЯЁ]{2})\s*№?\s*(\d{6})$/.exec(input.toUpperCase().trim());
  if (!m) return null;
  const series = m[1]!.replace(/[І1]/g, 'I').replace(/Х/g, 'X').replace(/С/g, 'C').replace(/Л/g, 'L');
  return `${series}-${m[2]} ${m[3]}`;
}

/** Russian mobile or landline number in E.164 form (+7 and ten digits). */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s()\-+]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) digits = digits.slice(1);
  return digits.length === 10 ? `+7${digits}` : null;
}

/** Full years between a date of birth and a day, both as YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Made once: building a formatter with a time zone costs more than most requests' own work. */
const MOSCOW_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' });

/** Today's date in Moscow, as YYYY-MM-DD: the programme's rules count ages by the Russian calendar day. */
export function todayInMoscow(now: Date = new Date()): string {
  return MOSCOW_DATE.format(now);
}

/** Names compared for identity: case, ё/е and spacing do not make a different person. */
export function normalizePersonName(input: string): string {
  return input.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** Pupils of the programme are 10 to 19 years old; outside that a date of birth is a typo. */
export const PARTICIPANT_AGE = { min: 10, max: 19 } as const;
export const GRADES = { min: 6, max: 11 } as const;
/** From this age a child signs up by invitation rather than being created by the parent, and shows a passport. */
export const PASSPORT_AGE = 14;

function checkDigit(digits: string, weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/** The organisation ИНН these nine digits begin: the tenth is their check digit. */
export function completeInn(first9: string): string {
  return first9 + String(checkDigit(first9, INN10_WEIGHTS));
}

/** The ОГРН these twelve digits begin. */
export function completeOgrn(first12: string): string {
  return first12 + String(Number((BigInt(first12) % 11n) % 10n));
}

/** ИНН of an organisation (10 digits) or of an individual entrepreneur (12 digits), checksums included. */
export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return completeInn(inn.slice(0, 9)) === inn;
  if (/^\d{12}$/.test(inn)) {
    return (
      checkDigit(inn, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[10]) &&
      checkDigit(inn, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[11])
    );
  }
  return false;
}

/** ОГРН (13 digits) or ОГРНИП (15 digits): the last digit is the remainder of the rest by 11 or 13. */
export function isValidOgrn(ogrn: string): boolean {
  if (/^\d{13}$/.test(ogrn)) return completeOgrn(ogrn.slice(0, 12)) === ogrn;
  if (/^\d{15}$/.test(ogrn)) return Number(BigInt(ogrn.slice(0, 14)) % 13n % 10n) === Number(ogrn[14]);
  return false;
}

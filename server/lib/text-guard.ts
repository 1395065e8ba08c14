import { AppError } from './errors.js';

/**
 * PostgreSQL's text cannot hold the NUL character: a string with one fails the query, which would
 * answer 500. Every string that arrives from outside is refused on it instead, as bad input.
 */
const NUL = '\u0000';

export const NUL_MESSAGE = 'Недопустимый служебный символ (NUL) — удалите его';

export const hasNul = (text: string) => text.includes(NUL);

/**
 * The dotted path of the first string (or object key) holding a NUL, '' for a bare string, or null.
 * Walked with a stack of its own: a parsed JSON body may nest deeper than the call stack goes.
 */
export function findNul(value: unknown): string | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (hasNul(current)) return path.join('.');
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    for (const [key, child] of Object.entries(current)) {
      if (hasNul(key)) return [...path, key.replaceAll(NUL, '\\0')].join('.');
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** The one answer to a NUL anywhere in the input: 400 naming the field. */
export function nulRefusal(field: string): AppError {
  const name = field || '_';
  return new AppError('invalid_input', 400, `Проверьте поле «${name}»: в тексте недопустимый служебный символ (NUL)`, { [name]: NUL_MESSAGE });
}

/** Throws the refusal when any string in these parts of a request holds a NUL. */
export function refuseNul(...parts: unknown[]): void {
  for (const part of parts) {
    const field = findNul(part);
    if (field !== null) throw nulRefusal(field);
  }
}

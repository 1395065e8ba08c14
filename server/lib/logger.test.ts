import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config.js';
import { createLoggerOptions, serializeErrWithoutValues } from './logger.js';

/** What the database driver throws for a taken address: its detail names the value. */
function uniqueViolation() {
  return Object.assign(new Error('duplicate key value violates unique constraint "accounts_email_unique"'), {
    code: '23505',
    detail: 'Key (email)=(ivanov@mail.ru) already exists.',
    params: ['ivanov@mail.ru', 'Иванов'],
  });
}

describe('errors in the log', () => {
  it('keep the statement and the code but none of its values', () => {
    const err = new DrizzleQueryError('insert into accounts (email, last_name) values ($1, $2)', ['ivanov@mail.ru', 'Иванов'], uniqueViolation());
    const text = JSON.stringify(serializeErrWithoutValues(err));
    expect(text).not.toContain('ivanov@mail.ru');
    expect(text).not.toContain('Иванов');
    expect(text).toContain('insert into accounts (email, last_name) values ($1, $2)');
    expect(text).toContain('accounts_email_unique');
    expect(text).toContain('DrizzleQueryError');
  });

  it('go through the app logger that way', () => {
    const lines: string[] = [];
    const log = pino(createLoggerOptions({ logLevel: 'info' } as Config) as pino.LoggerOptions, { write: (line: string) => void lines.push(line) });
    log.error({ err: uniqueViolation() }, 'unhandled error');
    expect(lines.join('')).toContain('23505');
    expect(lines.join('')).not.toContain('ivanov@mail.ru');
  });

  it('leave anything that is not an error as it is', () => {
    expect(serializeErrWithoutValues('plain' as unknown as Error)).toBe('plain');
  });
});

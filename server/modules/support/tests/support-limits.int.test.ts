import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSmtp } from './smtp-app.js';
import type { TestApp } from '@server/test/test-app.js';
import { uniqueEmail } from '@server/test/factories.js';
import { regionByCode } from '@server/test/staff-factories.js';

describe('support flood limits per address', () => {
  let t: TestApp;
  let smtpPort: number;
  let regionId: number;

  beforeAll(async () => {
    ({ t, smtpPort } = await startAppWithSmtp({ SUPPORT_ADDRESS: 'bilet@bilet.test', SUPPORT_REQUESTS_PER_HOUR_PER_ADDRESS: '2' }));
    regionId = (await regionByCode(t, '43')).regionId;
  });
  afterAll(() => t?.close());

  it('refuses a third signed-out request from one network address within the hour', async () => {
    const send = () =>
      t.api('POST', '/api/support/requests', {
        body: { regionId, lastName: 'Петрова', firstName: 'Анна', email: uniqueEmail('flood'), topic: 'registration', text: 'Не приходит письмо активации. Что делать?' },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/слишком много обращений/);
  });

  it('answers a flood of letters from one sender with a temporary SMTP error and keeps none of the extra ones', async () => {
    const from = uniqueEmail('letters');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const letter = (i: number) => ({ from, to: 'bilet@bilet.test', subject: `Вопрос ${i}`, text: `Как записаться на пробу номер ${i}?` });
    await transport.sendMail(letter(1));
    await transport.sendMail(letter(2));
    await expect(transport.sendMail(letter(3))).rejects.toThrow(/451/);
    const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from support_requests where email = ${from}`);
    expect(row!.n).toBe(2);
  });
});

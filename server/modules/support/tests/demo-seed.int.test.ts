import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoData } from '@server/seed/seed.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { createStaff } from '@server/test/staff-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

it('the operator’s desk opens on demo requests in different states, and the templates', async () => {
  await seedDemoData(t.app.ctx);
  const operator = await createStaff(t, 'support_operator');
  const queue = await t.api('GET', '/api/support/desk/queue?limit=100', { cookie: operator.cookie });
  expect(queue.status).toBe(200);
  const items: Array<{ id: string; status: string; intakeRule: string | null; requesterName: string; channel: string; regionId: number | null; assigneeName: string | null }> = queue.body.items;
  expect(items.map((r) => r.status).sort()).toEqual(['answered', 'in_progress', 'new', 'new', 'no_answer']);
  expect(items.find((r) => r.status === 'no_answer')?.intakeRule).toBe('no_question');
  expect(items.find((r) => r.status === 'in_progress')?.assigneeName).toBe('Ксения Белова');
  const letter = items.find((r) => r.channel === 'email')!;
  expect(letter).toMatchObject({ requesterName: 'Кузнецова Галина', regionId: null });
  // The newest first, as a shift reads them.
  expect(items[0]!.requesterName).toBe('Иванова Мария');

  const answered = await t.api('GET', `/api/support/desk/requests/${items.find((r) => r.status === 'answered')!.id}`, { cookie: operator.cookie });
  expect(answered.body.firstAnsweredAt).not.toBeNull();
  expect(answered.body.childName).toMatch(/Артём/);
  expect(answered.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['answer']);

  const figures = await t.api('GET', '/api/support/desk/figures?days=30', { cookie: operator.cookie });
  expect(figures.body.volume).toBe(5);
  expect(figures.body.medianFirstAnswerHours).toBe(23);

  const templates = await t.api('GET', '/api/support/desk/templates', { cookie: operator.cookie });
  expect(templates.body.items.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining(['Не подходит пароль', 'Связка кабинетов', 'Нужно согласие родителя', 'Нужны подробности']));
});

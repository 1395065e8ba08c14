import { buildApp, startJobs } from './app.js';
import { loadConfig } from './config.js';
import { assertIndexRoot } from './modules/pd-keys/index.js';
import { seedDemoData, seedReferenceData, type DemoAccount } from './seed/seed.js';
import { ROLE_LABELS } from '../common/roles.js';

function printDemoAccounts(url: string, demo: DemoAccount[]): void {
  const lines = demo.map((d) => `  ${ROLE_LABELS[d.role].padEnd(26)} ${d.email.padEnd(30)} ${d.password ?? '—'}${d.note ? `  (${d.note})` : ''}`);
  process.stdout.write(
    `\nДемо-данные созданы. Учётные записи (роль, e-mail, пароль):\n${lines.join('\n')}\n` +
      `  Вход: ${url}/signin; родители — кнопкой «Войти через Госуслуги».\n\n`,
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  await app.ctx.database.migrate();
  await assertIndexRoot(app.ctx);
  await seedReferenceData(app.ctx.db);
  const demo = config.seedDemo ? await seedDemoData(app.ctx) : null;
  await app.listen({ port: config.port, host: config.host });
  await startJobs(app);
  if (demo) printDemoAccounts(config.publicUrl, demo);
  process.stdout.write(
    `Билет работает: ${config.publicUrl} (база: ${app.ctx.database.kind === 'pglite' ? `встроенная, ${config.dataDir}` : 'PostgreSQL'})\n` +
      (config.devMailbox ? `Письма: ${config.publicUrl}/dev/mail\n` : '') +
      `API: ${config.publicUrl}/api/docs\n`,
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

import path from 'node:path';
import { loadConfig } from '@server/config.js';
import { openDatabase, type Database } from '@server/db/client.js';
import { createFileStore } from '@server/lib/file-store/index.js';
import { BackupError, createBackup, restoreBackup } from './backup.js';
import { connectPostgres, embeddedConnection, type SqlConnection } from './connection.js';

/**
 * `npm run backup [-- --out <dir>]` and `npm run restore -- <dir> [--force]`, with the server's own
 * settings (DATABASE_URL, DATA_DIR, S3_*: the files are taken from and put back into the same store
 * the server uses). The embedded database admits one process: stop the server first.
 */

const USAGE = 'Использование: npm run backup [-- --out <каталог>] | npm run restore -- <каталог копии> [--force]';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

async function withConnection<T>(database: Database, url: string | undefined, work: (conn: SqlConnection) => Promise<T>): Promise<T> {
  const conn = url ? await connectPostgres(url) : embeddedConnection(database);
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

const seconds = (startedAt: number) => ((performance.now() - startedAt) / 1000).toFixed(1);

export async function runBackupCommand(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const files = createFileStore({ dataDir: config.dataDir, s3: config.s3 });
  const where = `${database.kind === 'pglite' ? `встроенная база в ${config.dataDir}` : 'PostgreSQL'}, файлы в ${files.location}`;
  try {
    await files.check().catch((err: unknown) => {
      throw new BackupError((err as Error).message);
    });
    if (command === 'backup') {
      const outAt = args.indexOf('--out');
      const outDir = outAt >= 0 ? args[outAt + 1] : path.join('backups', `bilet-${stamp(new Date())}`);
      if (!outDir) throw new BackupError(USAGE);
      const started = performance.now();
      const { dir, manifest } = await withConnection(database, config.databaseUrl, (conn) => createBackup(conn, { files, outDir }));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(
        `Резервная копия (${where}) готова за ${seconds(started)} с: ${dir}\n` +
          `  таблиц ${manifest.tables.length}, строк ${rows}, файлов ${manifest.files.length}; опись и контрольные суммы — в manifest.json\n` +
          '  Ключ PD_ENCRYPTION_KEY в копию не входит: храните его отдельно, без него данные не прочесть\n',
      );
      return 0;
    }
    if (command === 'restore') {
      const dir = args.find((a) => !a.startsWith('--'));
      if (!dir) throw new BackupError(USAGE);
      const started = performance.now();
      // A fresh database gets the schema first; the copy then fills it.
      await database.migrate();
      const manifest = await withConnection(database, config.databaseUrl, (conn) =>
        restoreBackup(conn, path.resolve(dir), { files, force: args.includes('--force') }),
      );
      process.stdout.write(
        `Восстановлено (${where}) за ${seconds(started)} с из ${path.resolve(dir)}: таблиц ${manifest.tables.length}, ` +
          `файлов ${manifest.files.length}; строки и контрольные суммы каждой таблицы совпали с описью\n`,
      );
      return 0;
    }
    throw new BackupError(USAGE);
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await files.close();
    await database.close();
  }
}

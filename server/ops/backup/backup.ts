import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileKey, parseFileKey, type FileStore } from '@server/lib/file-store/index.js';
import type { SqlConnection } from './connection.js';

/**
 * The backup drill: every table of the `public` schema as JSON lines (one row a line, rows ordered by
 * primary key), the sealed uploads as the file store keeps them (DATA_DIR or an S3 bucket; already
 * encrypted), and a manifest with row
 * counts and SHA-256 sums. The same logical format serves PGlite and PostgreSQL, needs no pg_dump on
 * the machine and restores across the two. A table's file is exactly its canonical text, so one sum
 * proves the file untouched before a restore and the restored table equal after it.
 *
 * Not in the backup: the job queue's schema (pg-boss keeps only transient jobs; mail waits in the
 * outbox table, which is included) and the master key, which must be kept apart from its ciphertext.
 */

export const BACKUP_FORMAT = 'bilet-backup/1';
const MANIFEST = 'manifest.json';
const FETCH_ROWS = 5_000;
const INSERT_BATCH_ROWS = 2_000;
const INSERT_BATCH_CHARS = 4_000_000;
const SAFE_RELATIVE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export interface TableEntry {
  name: string;
  rows: number;
  sha256: string;
}

export interface FileEntry {
  /** The file's key in the store, e.g. `uploads/paper-consents/<uuid>`: its path under DATA_DIR and in the backup. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  /** null when the sequence was never used. */
  value: string | null;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: SqlConnection['kind'];
  /** Hashes of the applied migrations: a backup restores only into the schema it was taken from. */
  migrations: string[];
  tables: TableEntry[];
  sequences: SequenceEntry[];
  files: FileEntry[];
}

/** A refusal the operator can act on; the command prints its message and exits non-zero. */
export class BackupError extends Error {}

interface TableShape {
  name: string;
  columns: string[];
  key: Array<{ name: string; collatable: boolean }>;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Output formats fixed, so a row's text is the same whatever the server's or the session's defaults. */
async function fixSessionFormats(conn: SqlConnection): Promise<void> {
  for (const statement of [
    `set timezone to 'UTC'`,
    `set datestyle to 'ISO, YMD'`,
    `set intervalstyle to 'postgres'`,
    `set bytea_output to 'hex'`,
    `set extra_float_digits to 1`,
  ]) {
    await conn.query(statement);
  }
}

async function tableShapes(conn: SqlConnection): Promise<TableShape[]> {
  return conn.query<TableShape>(`
    select c.relname as name,
      (select coalesce(json_agg(a.attname order by a.attnum), '[]'::json) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select coalesce(json_agg(json_build_object('name', a.attname, 'collatable', a.attcollation <> 0) order by k.ord), '[]'::json)
        from pg_index i cross join unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname collate "C"`);
}

/**
 * Rows in primary-key order (byte order for text, so PGlite and PostgreSQL agree whatever their
 * collations); a table without a key is ordered by its rows' text. Generated columns are left out:
 * the database computes them again on restore.
 */
function canonicalRowsQuery(table: TableShape): string {
  const columns = table.columns.map(ident).join(', ');
  const order =
    table.key.length > 0
      ? table.key.map((k) => `x.${ident(k.name)}${k.collatable ? ' collate "C"' : ''}`).join(', ')
      : `row_to_json(x)::text collate "C"`;
  return `select row_to_json(x)::text as j from (select ${columns} from public.${ident(table.name)}) x order by ${order}`;
}

/** Streams a table's canonical lines through a cursor, a batch at a time; needs an open transaction. */
async function eachRowBatch(conn: SqlConnection, table: TableShape, onBatch: (lines: string[]) => Promise<void> | void): Promise<void> {
  await conn.query(`declare bilet_backup_rows no scroll cursor for ${canonicalRowsQuery(table)}`);
  try {
    for (;;) {
      const rows = await conn.query<{ j: string }>(`fetch forward ${FETCH_ROWS} from bilet_backup_rows`);
      if (rows.length === 0) break;
      await onBatch(rows.map((r) => r.j));
    }
  } finally {
    await conn.query('close bilet_backup_rows');
  }
}

async function checksumTable(conn: SqlConnection, table: TableShape): Promise<TableEntry> {
  const hash = crypto.createHash('sha256');
  let rows = 0;
  await eachRowBatch(conn, table, (lines) => {
    for (const line of lines) hash.update(line + '\n');
    rows += lines.length;
  });
  return { name: table.name, rows, sha256: hash.digest('hex') };
}

/** Row counts and checksums of every table, as the manifest states them; the caller holds a transaction. */
async function checksumAll(conn: SqlConnection, tables: TableShape[]): Promise<TableEntry[]> {
  const out: TableEntry[] = [];
  for (const table of tables) out.push(await checksumTable(conn, table));
  return out;
}

/** Row counts and checksums of every table now, in one snapshot. */
export async function tableChecksums(conn: SqlConnection): Promise<TableEntry[]> {
  await fixSessionFormats(conn);
  await conn.query('begin isolation level repeatable read read only');
  try {
    return await checksumAll(conn, await tableShapes(conn));
  } finally {
    await conn.query('rollback');
  }
}

async function appliedMigrations(conn: SqlConnection): Promise<string[]> {
  const [found] = await conn.query<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!found?.present) throw new BackupError('В базе нет схемы Билета: её ещё ни разу не запускали');
  const rows = await conn.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id');
  return rows.map((r) => r.hash);
}

const sha256Of = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

/**
 * Writes a backup into `outDir` (which must not exist yet): `tables/<table>.jsonl`, `files/<path>`
 * and `manifest.json` last, so a backup cut short has no manifest and is never restored. The tables
 * are read in one repeatable-read snapshot, so a running PostgreSQL server may keep working.
 */
export async function createBackup(conn: SqlConnection, opts: { files: FileStore; outDir: string }): Promise<BackupResult> {
  const outDir = path.resolve(opts.outDir);
  if (fs.existsSync(outDir)) throw new BackupError(`Каталог ${outDir} уже существует: укажите новый каталог для резервной копии`);
  await fsp.mkdir(path.join(outDir, 'tables'), { recursive: true, mode: 0o700 });
  await fixSessionFormats(conn);
  await conn.query('begin isolation level repeatable read read only');
  const tables: TableEntry[] = [];
  let migrations: string[];
  let sequences: SequenceEntry[];
  try {
    migrations = await appliedMigrations(conn);
    for (const table of await tableShapes(conn)) {
      const file = await fsp.open(path.join(outDir, 'tables', `${table.name}.jsonl`), 'wx', 0o600);
      const hash = crypto.createHash('sha256');
      let rows = 0;
      try {
        await eachRowBatch(conn, table, async (lines) => {
          const text = lines.join('\n') + '\n';
          hash.update(text);
          rows += lines.length;
          await file.write(text);
        });
        await file.sync();
      } finally {
        await file.close();
      }
      tables.push({ name: table.name, rows, sha256: hash.digest('hex') });
    }
    sequences = await conn.query<SequenceEntry>(
      `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by sequencename collate "C"`,
    );
  } finally {
    await conn.query('rollback');
  }

  const files: FileEntry[] = [];
  for await (const stored of opts.files.list()) {
    const data = await opts.files.get(stored.kind, stored.id);
    // Removed since it was listed (its row went in the same moment): nothing to keep.
    if (!data) continue;
    const relative = fileKey(stored.kind, stored.id);
    const target = path.join(outDir, 'files', relative);
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await fsp.writeFile(target, data, { mode: 0o600, flag: 'wx' });
    files.push({ path: relative, bytes: data.length, sha256: sha256Of(data) });
  }

  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: conn.kind,
    migrations,
    tables,
    sequences,
    files,
  };
  await fsp.writeFile(path.join(outDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { dir: outDir, manifest };
}

function tampered(what: string): BackupError {
  return new BackupError(`Резервная копия повреждена или изменена: ${what}. Восстановление не начато, ничего не изменено`);
}

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`В ${dir} нет ${MANIFEST}: это не резервная копия Билета или она не дописана`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw tampered(`${MANIFEST} не читается как JSON`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Неизвестный формат копии «${String(manifest.format)}», ожидается ${BACKUP_FORMAT}`);
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.files) || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.sequences)) {
    throw tampered(`в ${MANIFEST} нет списка таблиц, файлов, миграций или последовательностей`);
  }
  for (const entry of [...manifest.tables.map((t) => `${t.name}.jsonl`), ...manifest.files.map((f) => f.path)]) {
    if (typeof entry !== 'string' || !SAFE_RELATIVE_PATH.test(entry)) throw tampered(`недопустимое имя «${String(entry)}» в ${MANIFEST}`);
  }
  for (const entry of manifest.files) {
    if (!parseFileKey(entry.path)) throw tampered(`файл ${entry.path} в ${MANIFEST} назван не как файл хранилища (uploads/<вид>/<uuid>)`);
  }
  return manifest;
}

/** Counts lines and sums a table's file against the manifest, in one read. */
async function verifyTableFile(dir: string, table: TableEntry): Promise<void> {
  const file = path.join(dir, 'tables', `${table.name}.jsonl`);
  if (!fs.existsSync(file)) throw tampered(`нет файла таблицы ${table.name}`);
  const hash = crypto.createHash('sha256');
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
  }
  if (hash.digest('hex') !== table.sha256) throw tampered(`контрольная сумма таблицы ${table.name} не совпадает`);
  // Every row the backup writes ends with a newline, so the newlines are the rows.
  if (lines !== table.rows) throw tampered(`в таблице ${table.name} ${lines} строк, а в описи ${table.rows}`);
}

/** Checks every sum of a backup without touching any database; returns its manifest. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  for (const table of manifest.tables) await verifyTableFile(dir, table);
  for (const entry of manifest.files) {
    const file = path.join(dir, 'files', entry.path);
    if (!fs.existsSync(file)) throw tampered(`нет файла ${entry.path}`);
    const { sha256, bytes } = await sha256OfFile(file);
    if (sha256 !== entry.sha256 || bytes !== entry.bytes) throw tampered(`контрольная сумма файла ${entry.path} не совпадает`);
  }
  return manifest;
}

async function loadTable(conn: SqlConnection, dir: string, table: TableShape): Promise<void> {
  const columns = table.columns.map(ident).join(', ');
  // OVERRIDING SYSTEM VALUE keeps the ids of identity columns as they were; json_populate_recordset
  // reads each value with its column's own input function.
  const insert = `insert into public.${ident(table.name)} (${columns}) overriding system value
    select ${columns} from json_populate_recordset(null::public.${ident(table.name)}, $1::json)`;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await conn.query(insert, ['[' + batch.join(',') + ']']);
    batch = [];
    chars = 0;
  };
  const input = fs.createReadStream(path.join(dir, 'tables', `${table.name}.jsonl`), 'utf8');
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    batch.push(line);
    chars += line.length;
    if (batch.length >= INSERT_BATCH_ROWS || chars >= INSERT_BATCH_CHARS) await flush();
  }
  await flush();
}

/**
 * Puts the backup's files into the store, checking each one's sum again as it is read, then removes
 * what the store holds beyond them, so the store holds exactly the backup's files, as the tables
 * hold exactly its rows.
 */
async function putFiles(dir: string, manifest: Manifest, files: FileStore): Promise<void> {
  const kept = new Set<string>();
  for (const entry of manifest.files) {
    const { kind, id } = parseFileKey(entry.path)!;
    const data = await fsp.readFile(path.join(dir, 'files', entry.path));
    if (sha256Of(data) !== entry.sha256) throw new Error(`файл ${entry.path} в копии изменился после проверки`);
    await files.put(kind, id, data);
    kept.add(entry.path);
  }
  const extra: Array<{ kind: string; id: string }> = [];
  for await (const stored of files.list()) if (!kept.has(fileKey(stored.kind, stored.id))) extra.push(stored);
  for (const stored of extra) await files.delete(stored.kind, stored.id);
}

function sameNames(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

export interface RestoreOptions {
  files: FileStore;
  /** Replace the data of a database that already has accounts. */
  force?: boolean;
}

/**
 * Restores a backup into a database migrated to the same schema. Every sum is checked before the
 * database is touched; the tables are then replaced in one transaction with triggers and foreign
 * keys off (the rows are a consistent snapshot already, and triggers would add rows of their own),
 * each table's checksum is computed again before it commits, and only then do the backup's files
 * replace the store's. A refusal before the commit leaves the database and the files as they were;
 * a store that fails while the files are put back is reported, and running the restore again
 * (with --force) finishes it.
 */
export async function restoreBackup(conn: SqlConnection, dir: string, opts: RestoreOptions): Promise<Manifest> {
  const manifest = await verifyBackup(dir);
  await fixSessionFormats(conn);

  const migrations = await appliedMigrations(conn);
  if (!sameNames(migrations, manifest.migrations)) {
    throw new BackupError(
      `Копия снята со схемы другой версии (миграций в копии: ${manifest.migrations.length}, в базе: ${migrations.length}). ` +
        'Восстановите её той версией Билета, которой она снята',
    );
  }
  const shapes = await tableShapes(conn);
  if (!sameNames(shapes.map((s) => s.name), manifest.tables.map((t) => t.name))) {
    throw new BackupError('Таблицы в копии и в базе не совпадают: копия снята с другой версии схемы');
  }
  if (!opts.force) {
    const [used] = await conn.query<{ taken: boolean }>('select exists (select 1 from public.accounts) as taken');
    if (used?.taken) {
      throw new BackupError('В базе уже есть учётные записи. Восстановление заменит все данные: запустите его с --force или восстановите в пустую базу');
    }
  }

  await conn.query('begin');
  try {
    await conn.query('set local session_replication_role = replica').catch((err: unknown) => {
      throw new BackupError(`Восстановлению нужны права суперпользователя PostgreSQL (session_replication_role): ${(err as Error).message}`);
    });
    await conn.query(`truncate ${shapes.map((s) => `public.${ident(s.name)}`).join(', ')} restart identity`);
    for (const table of shapes) await loadTable(conn, dir, table);
    for (const sequence of manifest.sequences) {
      const name = `public.${ident(sequence.name)}`;
      if (sequence.value === null) await conn.query(`alter sequence ${name} restart`);
      else await conn.query('select setval($1::regclass, $2::bigint, true)', [name, sequence.value]);
    }
    const restored = await checksumAll(conn, shapes);
    restored.forEach((table, i) => {
      const expected = manifest.tables[i]!;
      if (table.rows !== expected.rows || table.sha256 !== expected.sha256) {
        throw new BackupError(`Таблица ${table.name} после загрузки не совпала с копией (${table.rows} строк из ${expected.rows}). Восстановление отменено`);
      }
    });
    await conn.query('commit');
  } catch (err) {
    await conn.query('rollback');
    throw err;
  }
  try {
    await putFiles(dir, manifest, opts.files);
  } catch (err) {
    throw new BackupError(
      `Таблицы восстановлены, но файлы в хранилище ${opts.files.location} восстановлены не все: ${(err as Error).message}. ` +
        'Устраните причину и запустите восстановление ещё раз с --force',
    );
  }
  return manifest;
}

/** Sums of the files the store holds now, as a manifest lists them. */
export async function uploadChecksums(files: FileStore): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  for await (const stored of files.list()) {
    const data = await files.get(stored.kind, stored.id);
    if (data) out.push({ path: fileKey(stored.kind, stored.id), bytes: data.length, sha256: sha256Of(data) });
  }
  return out;
}

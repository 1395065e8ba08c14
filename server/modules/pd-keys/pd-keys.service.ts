import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { FILE_KEY_ID_PREFIX_BYTES } from '@server/lib/file-crypto.js';
import type { StoredFile } from '@server/lib/file-store/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  addProgress,
  countByKey,
  encryptedColumns,
  finishRotation,
  findRotation,
  insertRotation,
  latestRotations,
  replaceValues,
  runningRotation,
  staleValues,
  type RotationRow,
} from './pd-keys.repository.js';

export const PD_KEY_ROTATION_JOB = 'pd-key-rotation';

export interface PdKeyUsage {
  keyId: string;
  /** It seals every new value. */
  current: boolean;
  /** It is configured (PD_ENCRYPTION_KEY or PD_PREVIOUS_KEYS); values under a key that is not cannot be read. */
  configured: boolean;
  /** The blind index is derived from it: once retired it stays only as PD_INDEX_KEY. */
  indexRoot: boolean;
  fields: number;
  files: number;
  /** Nothing is sealed under it any more and it is not the current key: it may leave PD_PREVIOUS_KEYS. */
  retirable: boolean;
}

export interface PdKeysReport {
  keys: PdKeyUsage[];
  fieldsByColumn: Array<{ table: string; column: string; keyId: string; count: number }>;
  rotations: RotationRow[];
}

/** Every sealed file with the key id its header names; a file removed meanwhile or without a key id is passed over. */
async function* sealedFilesByKey(ctx: AppContext): AsyncGenerator<StoredFile & { keyId: string }> {
  for await (const file of ctx.files.list()) {
    const head = await ctx.files.head(file.kind, file.id, FILE_KEY_ID_PREFIX_BYTES);
    const keyId = head && ctx.pd.files.keyIdOf(head);
    if (keyId) yield { ...file, keyId };
  }
}

/** Per key id, how many encrypted fields and sealed files still use it. */
export async function keysReport(ctx: AppContext): Promise<PdKeysReport> {
  const fields = new Map<string, number>();
  const files = new Map<string, number>();
  const fieldsByColumn: PdKeysReport['fieldsByColumn'] = [];
  for (const column of await encryptedColumns(ctx.db)) {
    for (const { keyId, count } of await countByKey(ctx.db, column)) {
      fields.set(keyId, (fields.get(keyId) ?? 0) + count);
      fieldsByColumn.push({ table: column.table, column: column.column, keyId, count });
    }
  }
  for await (const { keyId } of sealedFilesByKey(ctx)) files.set(keyId, (files.get(keyId) ?? 0) + 1);
  const ids = [...new Set([...ctx.pd.keyIds, ...fields.keys(), ...files.keys()])];
  const keys = ids.map((keyId) => {
    const usage = { fields: fields.get(keyId) ?? 0, files: files.get(keyId) ?? 0 };
    const current = keyId === ctx.pd.keyId;
    const configured = ctx.pd.keyIds.includes(keyId);
    return { keyId, current, configured, indexRoot: keyId === ctx.pd.indexKeyId, ...usage, retirable: configured && !current && usage.fields + usage.files === 0 };
  });
  return { keys, fieldsByColumn, rotations: await latestRotations(ctx.db, 10) };
}

/**
 * Starts re-encrypting everything older keys sealed, or hands back the run already going (and
 * queues it again, so a run whose worker died goes on where it stopped).
 */
export async function startRotation(ctx: AppContext, actor: AuditActor, opts: { queue: boolean } = { queue: true }): Promise<RotationRow> {
  const running = await runningRotation(ctx.db);
  const rotation = running ?? (await insertRotation(ctx.db, ctx.pd.keyId, actor.actorId)) ?? (await runningRotation(ctx.db));
  if (!rotation) throw new Error('A key rotation could be neither started nor found');
  if (!running) await recordAudit(ctx.db, actor, 'pd_keys.rotation_started', null, { rotation: rotation.id, targetKeyId: rotation.targetKeyId });
  if (opts.queue) await ctx.jobs.send(PD_KEY_ROTATION_JOB, { rotationId: rotation.id }, { singletonKey: rotation.id });
  return rotation;
}

/** Re-encrypts one column batch by batch in primary-key order, counting each batch into the run's progress. */
async function rotateColumn(ctx: AppContext, rotationId: string, column: Awaited<ReturnType<typeof encryptedColumns>>[number], batchSize: number): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = await staleValues(ctx.db, column, ctx.pd.keyId, after, batchSize);
    if (rows.length === 0) return;
    const rewritten = rows.map((r) => ({ id: r.id, old: r.value, value: ctx.pd.encrypt(ctx.pd.decrypt(r.value)) }));
    const done = await replaceValues(ctx.db, column, rewritten);
    await addProgress(ctx.db, rotationId, done, 0);
    after = rows[rows.length - 1]!.id;
  }
}

/** Re-seals every file an older key sealed; a store's put is whole, so readers see the old file or the new, never half. */
async function rotateFiles(ctx: AppContext, rotationId: string, batchSize: number): Promise<void> {
  let pending = 0;
  for await (const file of sealedFilesByKey(ctx)) {
    if (file.keyId === ctx.pd.keyId) continue;
    const sealed = await ctx.files.get(file.kind, file.id);
    // A file removed since it was listed, or while it was being read, stays removed.
    if (!sealed) continue;
    const plain = ctx.pd.files.decrypt(sealed, file.id);
    if ((await ctx.files.head(file.kind, file.id, 1)) === null) continue;
    await ctx.files.put(file.kind, file.id, ctx.pd.files.encrypt(plain, file.id));
    if (++pending === batchSize) {
      await addProgress(ctx.db, rotationId, 0, pending);
      pending = 0;
    }
  }
  await addProgress(ctx.db, rotationId, 0, pending);
}

/** The job: fields of every `*_enc` column, then every sealed file, then the run is marked finished. */
export async function runRotation(ctx: AppContext, log: FastifyBaseLogger, rotationId: string, batchSize = 500): Promise<void> {
  const rotation = await findRotation(ctx.db, rotationId);
  if (!rotation || rotation.status !== 'running') return;
  // A process still on the previous configuration (a rolling restart) leaves the run to one that has the new key.
  if (rotation.targetKeyId !== ctx.pd.keyId) throw new Error(`This process seals under ${ctx.pd.keyId}, the rotation targets ${rotation.targetKeyId}`);
  try {
    for (const column of await encryptedColumns(ctx.db)) await rotateColumn(ctx, rotationId, column, batchSize);
    await rotateFiles(ctx, rotationId, batchSize);
    await finishRotation(ctx.db, rotationId, null);
    await recordAudit(ctx.db, { actorId: null, actorRole: 'system', ip: '127.0.0.1' }, 'pd_keys.rotation_finished', null, { rotation: rotationId });
  } catch (err) {
    log.error({ err, rotationId }, 'key rotation failed');
    await finishRotation(ctx.db, rotationId, err instanceof Error ? err.message : String(err));
  }
}

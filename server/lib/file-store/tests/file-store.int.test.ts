import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '@server/config.js';
import { freshBucketEnv } from '@server/test/s3-server.js';
import { FILE_KINDS, createFileStore, type FileStore, type StoredFile } from '../index.js';

// The same contract on the filesystem (the integration project) and on a local S3 server (integration-s3).
const onS3 = process.env.TEST_FILES === 's3';

let dataDir: string;
let env: Record<string, string>;
let store: FileStore;

const storeOf = (settings: Record<string, string>) => {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...settings });
  return createFileStore({ dataDir: config.dataDir, s3: config.s3 });
};

async function listed(of: FileStore = store): Promise<StoredFile[]> {
  const out: StoredFile[] = [];
  for await (const file of of.list()) out.push(file);
  return out;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-store-'));
  env = onS3 ? await freshBucketEnv(inject('s3Endpoint')) : {};
  store = storeOf(env);
  await store.check();
});

afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`the file store (${onS3 ? 'S3' : 'filesystem'})`, () => {
  it('keeps, reads, heads, lists and removes files by kind and id', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()].sort();
    const data = ids.map((_, i) => crypto.randomBytes(1000 + i));
    await store.put(FILE_KINDS.support, ids[0]!, data[0]!);
    await store.put(FILE_KINDS.paperConsents, ids[1]!, data[1]!);
    await store.put(FILE_KINDS.paperConsents, ids[2]!, data[2]!);

    expect((await store.get(FILE_KINDS.support, ids[0]!))!.equals(data[0]!)).toBe(true);
    expect((await store.head(FILE_KINDS.paperConsents, ids[1]!, 16))!.equals(data[1]!.subarray(0, 16))).toBe(true);
    expect((await store.head(FILE_KINDS.paperConsents, ids[1]!, 5000))!.equals(data[1]!)).toBe(true);
    // Key order: kinds alphabetically, then ids.
    expect(await listed()).toEqual([
      { kind: FILE_KINDS.paperConsents, id: ids[1] },
      { kind: FILE_KINDS.paperConsents, id: ids[2] },
      { kind: FILE_KINDS.support, id: ids[0] },
    ]);

    await store.delete(FILE_KINDS.paperConsents, ids[1]!);
    expect(await store.get(FILE_KINDS.paperConsents, ids[1]!)).toBeNull();
    expect(await store.head(FILE_KINDS.paperConsents, ids[1]!, 16)).toBeNull();
    // Removing what is not there, or a kind never written, is no error.
    await store.delete(FILE_KINDS.paperConsents, ids[1]!);
    await store.delete('other-kind', crypto.randomUUID());
    expect((await listed()).map((f) => f.id)).toEqual([ids[2], ids[0]]);
    for (const file of await listed()) await store.delete(file.kind, file.id);
    expect(await listed()).toEqual([]);
  });

  it('replaces a file whole', async () => {
    const id = crypto.randomUUID();
    await store.put(FILE_KINDS.support, id, crypto.randomBytes(4096));
    const second = crypto.randomBytes(100);
    await store.put(FILE_KINDS.support, id, second);
    expect((await store.get(FILE_KINDS.support, id))!.equals(second)).toBe(true);
    await store.delete(FILE_KINDS.support, id);
  });

  it('names files only by a kind and a uuid, so no input can pick another place', async () => {
    for (const [kind, id] of [
      ['paper-consents', '../../etc/passwd'],
      ['paper-consents', 'not-a-uuid'],
      ['../keys', crypto.randomUUID()],
      ['Paper', crypto.randomUUID()],
      ['paper/consents', crypto.randomUUID()],
    ] as const) {
      await expect(store.put(kind, id, Buffer.from('x'))).rejects.toThrow(/uuid|kind/);
      await expect(store.get(kind, id)).rejects.toThrow(/uuid|kind/);
      await expect(store.delete(kind, id)).rejects.toThrow(/uuid|kind/);
    }
    expect(await listed()).toEqual([]);
  });

  it.runIf(!onS3)('lists neither the temporary of a write cut short nor a stray file', async () => {
    const id = crypto.randomUUID();
    await store.put(FILE_KINDS.paperConsents, id, Buffer.from('sealed'));
    const dir = path.join(dataDir, 'uploads', FILE_KINDS.paperConsents);
    fs.writeFileSync(path.join(dir, `.${crypto.randomUUID()}.0a1b2c.tmp`), 'half');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'stray');
    expect(await listed()).toEqual([{ kind: FILE_KINDS.paperConsents, id }]);
    expect(fs.statSync(path.join(dir, id)).mode & 0o777).toBe(0o600);
    await store.delete(FILE_KINDS.paperConsents, id);
  });

  it.runIf(onS3)('refuses to start on a bucket that is not there or a key that does not fit, naming which', async () => {
    const missing = storeOf({ ...env, S3_BUCKET: 'bilet-no-such-bucket' });
    await expect(missing.check()).rejects.toThrow(/bilet-no-such-bucket.*404: no such bucket/);
    await missing.close();
    const wrongKey = storeOf({ ...env, S3_ACCESS_KEY_ID: 'NOT-OUR-KEY' });
    await expect(wrongKey.check()).rejects.toThrow(/403: access denied/);
    await expect(wrongKey.put(FILE_KINDS.support, crypto.randomUUID(), Buffer.from('x'))).rejects.toThrow();
    await wrongKey.close();
  });

  it.runIf(onS3)('keeps its objects under the same keys as the folders, so a backup moves between the two', async () => {
    const id = crypto.randomUUID();
    await store.put(FILE_KINDS.support, id, Buffer.from('sealed'));
    const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const client = new S3Client({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
    });
    const objects = await client.send(new ListObjectsV2Command({ Bucket: env.S3_BUCKET }));
    client.destroy();
    expect(objects.Contents?.map((o) => o.Key)).toEqual([`uploads/support/${id}`]);
    await store.delete(FILE_KINDS.support, id);
  });
});

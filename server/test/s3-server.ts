import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/**
 * A local S3-compatible server for the file tests on S3 (s3rver: the S3 REST API over a folder), on
 * a free port of the loopback. It refuses an unknown access key id but, with the current SDK, does
 * not catch a wrong secret: the tests of a refused key use an unknown key id.
 */

/** s3rver's own fixed key pair. */
const S3RVER_KEY = 'S3RVER';

export async function startS3Server(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A fresh bucket on the server and the S3_* settings that point the app at it. */
export async function freshBucketEnv(endpoint: string): Promise<Record<string, string>> {
  const env = {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: `bilet-t-${crypto.randomBytes(6).toString('hex')}`,
    S3_REGION: 'ru-central1',
    S3_ACCESS_KEY_ID: S3RVER_KEY,
    S3_SECRET_ACCESS_KEY: S3RVER_KEY,
    S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({
    endpoint,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: env.S3_BUCKET }));
  } finally {
    client.destroy();
  }
  return env;
}

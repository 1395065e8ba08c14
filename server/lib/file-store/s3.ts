import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { UPLOADS_PREFIX, fileKey, parseFileKey, type FileStore, type StoredFile } from './file-store.js';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` addresses rather than `bucket.endpoint/key` (MinIO and most local servers). */
  forcePathStyle: boolean;
}

function status(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
}

/**
 * Sealed files as objects of one bucket in an S3-compatible store (Yandex Object Storage, VK Cloud,
 * MinIO…), under the same keys as the folders of the filesystem store. A PutObject replaces an
 * object whole, so readers see the old content or the new as with the filesystem's rename.
 */
export function s3Store(settings: S3Settings): FileStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The SDK's default CRC32 headers are refused by several S3-compatible stores; the files are
    // authenticated ciphertext already (a changed byte fails decryption), so nothing is lost.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that stops answering fails the request instead of holding it; the SDK retries twice.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
  const Bucket = settings.bucket;

  return {
    location: `s3://${Bucket} (${settings.endpoint})`,

    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (err) {
        const code = status(err);
        const why = code === 404 ? 'no such bucket' : code === 403 ? 'access denied: check the key and its rights' : (err as Error).message;
        throw new Error(`S3: bucket «${Bucket}» at ${settings.endpoint} is not usable (${code ?? 'no answer'}: ${why})`, { cause: err });
      }
    },

    async put(kind, id, data) {
      await client.send(new PutObjectCommand({ Bucket, Key: fileKey(kind, id), Body: data, ContentType: 'application/octet-stream' }));
    },

    async get(kind, id) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: fileKey(kind, id) }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (err) {
        if (err instanceof NoSuchKey || status(err) === 404) return null;
        throw err;
      }
    },

    async head(kind, id, bytes) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: fileKey(kind, id), Range: `bytes=0-${bytes - 1}` }));
        return Buffer.from(await object.Body!.transformToByteArray()).subarray(0, bytes);
      } catch (err) {
        if (err instanceof NoSuchKey || status(err) === 404) return null;
        // An empty object has no first byte to give.
        if (status(err) === 416) return Buffer.alloc(0);
        throw err;
      }
    },

    async delete(kind, id) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: fileKey(kind, id) }));
    },

    async *list(): AsyncGenerator<StoredFile> {
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: `${UPLOADS_PREFIX}/` })) {
        for (const object of page.Contents ?? []) {
          const found = object.Key ? parseFileKey(object.Key) : null;
          if (found) yield found;
        }
      }
    },

    async close() {
      client.destroy();
    },
  };
}

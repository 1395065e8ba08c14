import zlib from 'node:zlib';

/** An XLSX is a zip; these bound what unpacking an uploaded one may cost before any parser sees it. */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 50 * 1024 * 1024,
} as const;

export type ZipVerdict = { ok: true; entries: string[] } | { ok: false; reason: 'corrupt' | 'too_large' | 'unsupported' };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_MARK = 0xffffffff;

function findEndOfCentralDirectory(buf: Buffer): number {
  const earliest = Math.max(0, buf.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let i = buf.length - EOCD_MIN_LENGTH; i >= earliest; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/**
 * Reads the zip's central directory and refuses archives that would unpack to more than the limit.
 * Declared sizes can lie, so every entry is also inflated with its declared size as a hard output
 * cap: an entry that grows past what it declared is refused the moment it does.
 */
export function inspectZip(buf: Buffer): ZipVerdict {
  if (buf.length < EOCD_MIN_LENGTH) return { ok: false, reason: 'corrupt' };
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return { ok: false, reason: 'corrupt' };
  const entryCount = buf.readUInt16LE(eocd + 10);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 archives are for content far beyond a class list.
  if (entryCount === 0xffff || directoryOffset === ZIP64_MARK) return { ok: false, reason: 'too_large' };
  if (entryCount > ZIP_LIMITS.maxEntries) return { ok: false, reason: 'too_large' };

  const entries: Array<{ name: string; method: number; compressed: number; uncompressed: number; localOffset: number }> = [];
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) return { ok: false, reason: 'corrupt' };
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    if (compressed === ZIP64_MARK || uncompressed === ZIP64_MARK) return { ok: false, reason: 'too_large' };
    declaredTotal += uncompressed;
    if (declaredTotal > ZIP_LIMITS.maxTotalUncompressedBytes) return { ok: false, reason: 'too_large' };
    const name = buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength));
    entries.push({ name, method, compressed, uncompressed, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  for (const entry of entries) {
    const local = entry.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_SIGNATURE) return { ok: false, reason: 'corrupt' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const end = start + entry.compressed;
    if (end > buf.length) return { ok: false, reason: 'corrupt' };
    if (entry.method === 0) {
      if (entry.compressed !== entry.uncompressed) return { ok: false, reason: 'corrupt' };
      continue;
    }
    if (entry.method !== 8) return { ok: false, reason: 'unsupported' };
    let inflated: Buffer;
    try {
      inflated = zlib.inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, entry.uncompressed) });
    } catch (err) {
      return { ok: false, reason: (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'corrupt' };
    }
    if (inflated.length !== entry.uncompressed) return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, entries: entries.map((e) => e.name) };
}

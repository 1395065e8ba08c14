import { readSealed, removeSealed, saveSealed, sealedFilesDir } from '@server/lib/sealed-files.js';

/** Sealed scans of paper consents, kept by the shared sealed-file store. */
export function paperConsentsDir(dataDir: string): string {
  return sealedFilesDir(dataDir, 'paper-consents');
}

export function saveSealedFile(dataDir: string, id: string, sealed: Buffer): Promise<void> {
  return saveSealed(paperConsentsDir(dataDir), id, sealed);
}

export function readSealedFile(dataDir: string, id: string): Promise<Buffer> {
  return readSealed(paperConsentsDir(dataDir), id);
}

export function removeSealedFile(dataDir: string, id: string): Promise<void> {
  return removeSealed(paperConsentsDir(dataDir), id);
}

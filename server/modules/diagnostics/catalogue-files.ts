import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '@server/lib/paths.js';

/** The platform's own tests and games, versioned in the repository and loaded at every start. */
export const CATALOGUE_DIR = path.join(ROOT_DIR, 'server/modules/diagnostics/catalogue');

export interface CatalogueFile {
  name: string;
  source: string;
}

/** Every definition file of the catalogue, in a stable order. */
export function readCatalogueFiles(dir = CATALOGUE_DIR): CatalogueFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => ({ name, source: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

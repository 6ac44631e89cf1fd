// Where the store's database file is in its data folder (a leaf both openStore and the swap of a rekey import).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const storeFileName = 'switchyard.db';

export function storePath(storeDir: string): string {
  return join(storeDir, storeFileName);
}

export function storeExists(storeDir: string): boolean {
  return existsSync(storePath(storeDir));
}

// Tells a damaged store file apart from a wrong key, before anything writes to it, and says the way out.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { SwitchyardError } from '../../src-shared/errors';

export type StoreDamage = 'empty' | 'truncated' | 'notEncrypted' | 'overwritten' | 'damaged';

// SQLCipher 4's page size, which the store never changes: a whole store is a whole number of pages.
const pageSize = 4096;
const plainSqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function firstBytes(path: string, count: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(count);
    return bytes.subarray(0, readSync(fd, bytes, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

/** What the file's size and first bytes alone show is wrong with it, without any key. */
export function visibleDamage(path: string): StoreDamage | undefined {
  const { size } = statSync(path);
  if (size === 0) return 'empty';
  if (size % pageSize !== 0) return 'truncated';
  // An encrypted store starts with its random salt; a plaintext header means it is not one.
  if (firstBytes(path, plainSqliteHeader.length).equals(plainSqliteHeader)) return 'notEncrypted';
  return undefined;
}

const whatIsWrong: Record<StoreDamage, (size: number) => string> = {
  empty: () => 'is empty (0 bytes)',
  truncated: (size) => `is cut short or overwritten: ${size} bytes is not a whole number of ${pageSize}-byte pages`,
  notEncrypted: () => 'is a plain SQLite database, not an encrypted Switchyard store',
  overwritten: () => 'does not read as a Switchyard store although the key is right: it was overwritten or damaged',
  damaged: () => "is damaged: its pages fail SQLite's integrity check (a truncated or partly overwritten file)",
};

export function storeCorrupt(path: string, damage: StoreDamage): SwitchyardError {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // Only the size in the message is lost; the damage itself was already established.
  }
  return new SwitchyardError(
    'E_STORE_CORRUPT',
    `The store ${path} ${whatIsWrong[damage](size)}. Nothing was changed. ` + `Restore a backup of ${path}, or move it aside to start a new, empty store.`,
    { path, damage },
  );
}

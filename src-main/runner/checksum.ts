// The checksum recorded with each applied native revision: its up-SQL as read (BOM dropped,
// line ends normalised by the reader), so a file re-saved on Windows is not "changed".
import { createHash } from 'node:crypto';
import type { RevisionFile } from '../migrations/readers/projectFiles';

export function upChecksum(file: RevisionFile): string {
  return createHash('sha256')
    .update(file.up?.sql.trim() ?? '')
    .digest('hex');
}

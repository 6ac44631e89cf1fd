// Reads the many small files of a project: thousands are read per graph, and readFileSync's own
// buffer per file and its size look-up cost a quarter more than one reused buffer does.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

// Most revision files fit; a larger one (a data migration) is read again, whole.
const buffer = Buffer.allocUnsafe(64 * 1024);

/** The file's text as readFileSync(path, 'utf8') gives it, with the same errors. */
export function readFileText(path: string): string {
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  return length < buffer.length ? buffer.toString('utf8', 0, length) : readFileSync(path, 'utf8');
}

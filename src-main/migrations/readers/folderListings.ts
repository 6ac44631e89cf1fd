// A folder listed once per project read: a format's reader and the never-silently-unused net after it
// (unusedFiles.ts) both walk the project, and on a tree of a folder per migration (diesel's 342) the
// second walk was as long as the first. Inside `withFolderListings` a folder's entries are kept for the
// rest of that (synchronous) read; outside it, every call lists the folder afresh.
import { readdirSync, type Dirent } from 'node:fs';

let listings: Map<string, Dirent[]> | null = null;

/** The entries of the folder at `path` (absolute), listed at most once inside `withFolderListings`. */
export function listFolder(path: string): Dirent[] {
  const kept = listings?.get(path);
  if (kept) return kept;
  const entries = readdirSync(path, { withFileTypes: true });
  listings?.set(path, entries);
  return entries;
}

/** Runs `read` with each folder it lists kept until it returns; nested calls share the outer one's. */
export function withFolderListings<T>(read: () => T): T {
  const outer = listings;
  listings = outer ?? new Map();
  try {
    return read();
  } finally {
    listings = outer;
  }
}

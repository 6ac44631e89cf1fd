// The start of a file, for detection that must look inside one file without reading a whole folder.
import { readFileSync } from 'node:fs';

/** The first characters of the file (a header, an import); empty when it cannot be read. */
export function fileHead(path: string, characters = 4096): string {
  try {
    return readFileSync(path, 'utf8').slice(0, characters);
  } catch {
    return '';
  }
}

// The checksum Prisma records for a migration.sql, computed as prisma-engines does
// (schema-engine/connectors/schema-connector/src/checksum.rs): sha256 of the file's text exactly as
// read (no trimming, a byte-order mark kept), as 64 hex digits. Prisma accepts a recorded checksum
// when it matches the script as is, with CRLF turned to LF, or with LF turned to CRLF (git changes
// line ends), and, for rows an old engine wrote, hex without zero padding.
import { createHash } from 'node:crypto';

function digest(script: string): Buffer {
  return createHash('sha256').update(script, 'utf8').digest();
}

export function prismaChecksum(script: string): string {
  return digest(script).toString('hex');
}

/** Every recorded checksum Prisma takes as "this script, unchanged" (script_matches_checksum). */
export function acceptedChecksums(script: string): string[] {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')].map(digest);
  return [...new Set(variants.flatMap((bytes) => [bytes.toString('hex'), [...bytes].map((b) => b.toString(16)).join('')]))];
}

// The checksum Flyway records in flyway_schema_history.checksum: a CRC32 of the file's lines as UTF-8,
// without their line ends (so CRLF and LF give the same checksum) and without a byte-order mark, read
// as a signed 32-bit integer. ChecksumCalculator.calculateChecksumForResource in flyway/flyway
// (flyway-core/src/main/java/org/flywaydb/core/internal/resolver/ChecksumCalculator.java).
import { crc32 } from 'node:zlib';

export function flywayChecksum(text: string): number {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Java's BufferedReader.readLine ends a line at \n, \r or \r\n; the lines are fed to the CRC one after another.
  return crc32(Buffer.from(withoutBom.replace(/\r\n|\r|\n/g, ''), 'utf8')) | 0;
}

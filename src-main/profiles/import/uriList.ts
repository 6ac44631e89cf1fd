// A list of postgres:// (or postgresql://) URIs, one per line; blank lines and `#` comments skipped.
import { parseConnectionUri } from '../../../src-shared/model/connectionUri';
import { toWireError } from '../../../src-shared/errors';
import { connectionName, type SourceReading } from './importedConnection';

export function readUriList(source: string): SourceReading {
  const reading: SourceReading = { connections: [], problems: [] };
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    try {
      const { password, ...fields } = parseConnectionUri(line);
      const notes =
        line.includes('?') && !/^[^?]*\?((sslmode|sslrootcert)=[^&]*&?)*$/.test(line) ? ['parameters other than sslmode and sslrootcert are not kept'] : [];
      reading.connections.push({
        profile: { name: connectionName(fields.user, fields.host, fields.database), environment: 'dev', engine: 'postgres', ...fields },
        ...(password !== undefined ? { password } : {}),
        where,
        notes,
      });
    } catch (error) {
      // The message of parseConnectionUri never echoes the URI, which may hold a password.
      reading.problems.push({ where, message: toWireError(error).message });
    }
  });
  return reading;
}

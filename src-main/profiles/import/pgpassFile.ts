// libpq's password file (~/.pgpass): hostname:port:database:username:password per line, `*` matching
// anything in the first four fields, `\:` and `\\` for a literal colon and backslash, `#` lines comments.
// Source: https://www.postgresql.org/docs/current/libpq-pgpass.html.
import { connectionName, portOf, type SourceReading } from './importedConnection';

/** A line's fields with escapes undone; `wild` marks a field that is an unescaped `*`. */
function splitPgpassLine(line: string): { value: string; wild: boolean }[] {
  const fields: { value: string; wild: boolean }[] = [];
  let value = '';
  let escaped = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (char === '\\' && i + 1 < line.length) {
      value += line[i + 1];
      escaped = true;
      i += 1;
    } else if (char === ':' && fields.length < 4) {
      fields.push({ value, wild: value === '*' && !escaped });
      value = '';
      escaped = false;
    } else value += char;
  }
  fields.push({ value, wild: false });
  return fields;
}

export function readPgpass(source: string): SourceReading {
  const reading: SourceReading = { connections: [], problems: [] };
  source.split(/\r?\n/).forEach((raw, index) => {
    const where = `line ${index + 1}`;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const fields = splitPgpassLine(raw);
    if (fields.length !== 5) {
      reading.problems.push({ where, message: `${fields.length} fields where a .pgpass line has 5 (hostname:port:database:username:password).` });
      return;
    }
    const [host, port, database, user, password] = fields as [
      (typeof fields)[0],
      (typeof fields)[0],
      (typeof fields)[0],
      (typeof fields)[0],
      (typeof fields)[0],
    ];
    if (host.wild || user.wild) {
      const which = host.wild ? 'host' : 'user';
      reading.problems.push({ where, message: `the ${which} is * (any): it supplies a password to many connections, but a profile needs one ${which}.` });
      return;
    }
    if (host.value.startsWith('/')) {
      reading.problems.push({ where, message: `${host.value} is a socket folder: Switchyard connects over TCP, give a host name.` });
      return;
    }
    const notes: string[] = [];
    if (port.wild) notes.push('port * (any): 5432 is used');
    const portNumber = port.wild ? undefined : portOf(port.value, notes);
    if (database.wild) notes.push(`database * (any): the profile connects to "${user.value}", libpq's default database for the user`);
    const databaseName = database.wild ? user.value : database.value;
    reading.connections.push({
      profile: {
        name: connectionName(user.value, host.value, databaseName),
        environment: 'dev',
        engine: 'postgres',
        host: host.value,
        ...(portNumber ? { port: portNumber } : {}),
        database: databaseName,
        user: user.value,
      },
      ...(password.value ? { password: password.value } : {}),
      where,
      notes,
    });
  });
  return reading;
}

// libpq's environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE…) as one
// connection, read from KEY=VALUE lines: the CLI's own environment, or a .env-style file.
// Source: https://www.postgresql.org/docs/current/libpq-envars.html.
import type { SourceReading } from './importedConnection';
import { connectionFromSettings, libpqEnvironment } from './libpqSettings';

export function readEnvironmentSettings(source: string): SourceReading {
  const reading: SourceReading = { connections: [], problems: [] };
  const settings = new Map<string, { value: string; where: string }>();
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    const equals = line.indexOf('=');
    const variable = equals > 0 ? line.slice(0, equals).trim() : '';
    const keyword = libpqEnvironment[variable];
    if (!keyword) {
      // Only PG* variables are libpq's; anything else in a .env file is not ours to mention.
      if (/^PG[A-Z_]+$/.test(variable)) reading.problems.push({ where, message: `${variable} is not a libpq variable Switchyard reads.` });
      return;
    }
    settings.set(keyword, {
      value: line
        .slice(equals + 1)
        .trim()
        .replace(/^(['"])(.*)\1$/, '$2'),
      where: variable,
    });
  });
  if (settings.size === 0) return { connections: [], problems: [{ where: 'environment', message: 'No PGHOST, PGPORT, PGDATABASE or PGUSER is set.' }] };
  const read = connectionFromSettings(settings, undefined, 'environment');
  if ('profile' in read) reading.connections.push(read);
  else reading.problems.push(read);
  return reading;
}

// libpq's connection service file (pg_service.conf): INI-style sections, `[name]` then keyword=value
// lines with libpq's connection keywords, `#` comments. Source:
// https://www.postgresql.org/docs/current/libpq-pgservice.html.
import type { SourceReading } from './importedConnection';
import { connectionFromSettings } from './libpqSettings';

interface Section {
  name: string;
  where: string;
  settings: Map<string, { value: string; where: string }>;
}

export function readServiceFile(source: string): SourceReading {
  const reading: SourceReading = { connections: [], problems: [] };
  const sections: Section[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const where = `line ${index + 1}`;
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      sections.push({ name: (header[1] as string).trim(), where, settings: new Map() });
      return;
    }
    const equals = line.indexOf('=');
    const section = sections.at(-1);
    if (equals < 1) reading.problems.push({ where, message: 'Not a keyword=value line or a [service] header.' });
    else if (!section) reading.problems.push({ where, message: 'A setting before any [service] header.' });
    else section.settings.set(line.slice(0, equals).trim(), { value: line.slice(equals + 1).trim(), where });
  });
  for (const section of sections) {
    const read = connectionFromSettings(section.settings, section.name, `[${section.name}] (${section.where})`);
    if ('profile' in read) reading.connections.push(read);
    else reading.problems.push(read);
  }
  if (sections.length === 0 && reading.problems.length === 0) reading.problems.push({ where: 'file', message: 'No [service] section.' });
  return reading;
}

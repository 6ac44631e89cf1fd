// Flyway's placeholders: `${name}` in a migration's text is replaced, before it runs, by the value the
// configuration gives it (`placeholders.name`) or by one of Flyway's own (`${flyway:filename}`…).
// https://documentation.red-gate.com/flyway/flyway-concepts/migrations/migration-placeholders
// Flyway's own that only the running connection knows (`${flyway:user}`, `${flyway:database}`,
// `${flyway:timestamp}`…) and names with no value are left as written and named, never run in silence.
import { basename } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import type { FlywaySettings } from './flywaySettings';

type PlaceholderSettings = Pick<FlywaySettings, 'placeholders' | 'placeholderReplacement' | 'placeholderPrefix' | 'placeholderSuffix'>;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text Flyway runs, and an anomaly naming each placeholder it could not fill (the text keeps it as written). */
export function fillPlaceholders(text: string, file: string, table: string, settings: PlaceholderSettings): { sql: string; unfilled: Anomaly[] } {
  if (!settings.placeholderReplacement || !text.includes(settings.placeholderPrefix)) return { sql: text, unfilled: [] };
  const known = new Map(settings.placeholders);
  known.set('flyway:filename', basename(file));
  known.set('flyway:table', table);
  const unfilled: Anomaly[] = [];
  const pattern = new RegExp(`${escaped(settings.placeholderPrefix)}(.+?)${escaped(settings.placeholderSuffix)}`, 'g');
  const sql = text.replace(pattern, (whole: string, name: string, offset: number) => {
    const value = known.get(name);
    if (value !== undefined) return value;
    const line = text.slice(0, offset).split('\n').length;
    unfilled.push({
      kind: 'unsupportedSetting',
      message: `${file}:${line}: Flyway placeholder ${whole} has no value Switchyard can give it (${name.startsWith('flyway:') ? 'Flyway fills it in at run time' : `no placeholders.${name} in the configuration; Flyway refuses to run it`}); the migration would run with ${whole} as written`,
      file,
      line,
      revisions: [],
    });
    return whole;
  });
  return { sql, unfilled };
}

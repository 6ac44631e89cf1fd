// A migration's own configuration file beside it, `V1__x.sql.conf` (Flyway's script configuration):
// `executeInTransaction` and `placeholderReplacement` override the project's for that migration.
// SqlScriptMetadata in flyway/flyway (flyway-core/src/main/java/org/flywaydb/core/internal/sqlscript/SqlScriptMetadata.java);
// https://documentation.red-gate.com/flyway/flyway-concepts/migrations/script-configuration
import { existsSync, readFileSync } from 'node:fs';
import type { Anomaly } from '../../../src-shared/model/revision';
import { normaliseText } from '../../migrations/readers/projectFiles';
import { propertiesEntries } from './flywaySettings';

export interface ScriptConfig {
  executeInTransaction: boolean | null;
  placeholderReplacement: boolean | null;
  unsupported: Anomaly[];
}

const none: ScriptConfig = { executeInTransaction: null, placeholderReplacement: null, unsupported: [] };

/** `path`: the migration's absolute path; `file`: the same, relative to the project. */
export function readScriptConfig(path: string, file: string): ScriptConfig {
  if (!existsSync(`${path}.conf`)) return none;
  const config: ScriptConfig = { executeInTransaction: null, placeholderReplacement: null, unsupported: [] };
  for (const { key, value, line } of propertiesEntries(normaliseText(readFileSync(`${path}.conf`, 'utf8')))) {
    if (key === 'executeInTransaction') config.executeInTransaction = value.toLowerCase() === 'true';
    else if (key === 'placeholderReplacement') config.placeholderReplacement = value.toLowerCase() === 'true';
    // Migrations are read as UTF-8, Flyway's default.
    else if (!(key === 'encoding' && /^utf-?8$/i.test(value))) {
      config.unsupported.push({
        kind: 'unsupportedSetting',
        message: `${file}.conf:${line}: script setting "${key}" is not honoured by Switchyard, which runs ${file} as if it were not set`,
        file: `${file}.conf`,
        line,
        revisions: [],
      });
    }
  }
  return config;
}

// Reads a Flyway project: the migrations of every location, in Flyway's order (versions as numbers,
// then the repeatables by description), as one chain of revisions. A repeatable is a revision after
// the last versioned one; the history reports it applied only while its latest run's checksum is the
// file's (flywayHistory.ts), so a changed one is pending again. Nothing is reverted: Flyway Community
// has no way back, and the history rows of Teams' undo (U… files) are not documented, so a downgrade is
// refused saying so. Duplicate versions, names Flyway refuses, callbacks and undo files without their
// version are anomalies, never dropped in silence.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from '../../migrations/readers/projectFiles';
import { flywayChecksum } from './flywayChecksum';
import { flywayLocations, slashPath } from './flywayLocations';
import { fillPlaceholders } from './flywayPlaceholders';
import { parseFlywayName } from './flywayNames';
import { readFlywaySettings, type FlywaySettings } from './flywaySettings';
import { readScriptConfig } from './flywayScriptConfig';
import { flywayTable } from './flywayTable';
import { flywayRunsOutsideTransaction } from './flywayTransactions';
import { compareFlywayVersions, versionKey, type FlywayVersion } from './flywayVersion';

/** What flyway_schema_history records of a revision (flywayBookkeeping.ts writes it, flywayHistory.ts reads it back). */
export interface FlywayRevisionData {
  /** Null for a repeatable. */
  version: string | null;
  description: string;
  /** The path relative to its location, as Flyway records it. */
  script: string;
  checksum: number;
  installedBy: string | null;
}

interface FoundFile {
  /** Relative to the project. */
  file: string;
  /** Relative to its location: Flyway's script. */
  script: string;
  text: string;
  /** What runs: the text with its placeholders filled in. */
  sql: string;
  transaction: boolean;
}

function walk(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

function unused(file: string, why: string): Anomaly {
  return { kind: 'unusedFile', message: `${file}: ${why}; not run`, file, line: null, revisions: [] };
}

export function flywayData(file: RevisionFile): FlywayRevisionData {
  return file.formatData as unknown as FlywayRevisionData;
}

export function readFlywayProject(project: string): ProjectFiles {
  const result: ProjectFiles = { format: 'flyway', project, files: [], unreadable: [] };
  const settings = readFlywaySettings(project);
  result.unreadable.push(...settings.unsupported);
  const versioned: Array<{ version: FlywayVersion; description: string; found: FoundFile }> = [];
  const undo = new Map<string, { version: FlywayVersion; found: FoundFile }>();
  const repeatable: Array<{ description: string; base: string; found: FoundFile }> = [];
  const seen = new Set<string>();
  for (const location of flywayLocations(project, settings)) {
    walk(location.dir, (path) => {
      // Two locations may overlap: a file is one migration however many locations reach it.
      if (seen.has(path)) return;
      seen.add(path);
      const name = parseFlywayName(basename(path), settings);
      const file = slashPath(project, path);
      if (name === null) return;
      if (name.kind === 'callback') return void result.unreadable.push(unused(file, 'a Flyway callback script, which Switchyard does not run'));
      if (name.kind === 'invalid') return void result.unreadable.push(unused(file, `not a migration name Flyway accepts: ${name.why}`));
      const found = loadMigration(path, file, slashPath(location.dir, path), settings, result.unreadable);
      if (!found) return;
      if (name.kind === 'versioned') versioned.push({ version: name.version, description: name.description, found });
      else if (name.kind === 'repeatable') repeatable.push({ description: name.description, base: name.base, found });
      else if (undo.has(versionKey(name.version))) result.unreadable.push(unused(file, `a second undo file for version ${name.version.text}`));
      else undo.set(versionKey(name.version), { version: name.version, found });
    });
  }
  versioned.sort((a, b) => compareFlywayVersions(a.version, b.version) || (a.found.file < b.found.file ? -1 : 1));
  // Java's String.compareTo, as Flyway orders repeatables: by UTF-16 code units, which is how < compares strings.
  repeatable.sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : a.found.file < b.found.file ? -1 : 1));

  let previous: string | null = null;
  const add = (id: string, found: FoundFile, data: FlywayRevisionData, noDowngrade: string, otherFiles: string[]) => {
    result.files.push({
      revision: {
        id,
        parents: previous === null ? [] : [previous],
        dependsOn: [],
        branchLabels: [],
        message: data.description,
        createdAt: null,
        file: found.file,
        line: 1,
      },
      text: found.text,
      up: { sql: found.sql, line: 1, transaction: found.transaction },
      down: null,
      noDowngrade,
      ...(otherFiles.length > 0 ? { otherFiles } : {}),
      formatData: { ...data },
    });
    previous = id;
  };
  const data = (found: FoundFile, version: string | null, description: string): FlywayRevisionData => ({
    version,
    description,
    script: found.script,
    // Flyway sums a repeatable's text as it runs, placeholders filled (SqlMigrationResolver.getChecksumForLoadableResource).
    checksum: flywayChecksum(version === null ? found.sql : found.text),
    installedBy: settings.installedBy,
  });

  for (const [i, entry] of versioned.entries()) {
    const earlier = versioned[i - 1];
    if (earlier && compareFlywayVersions(earlier.version, entry.version) === 0) {
      result.unreadable.push(
        duplicate(
          entry.found.file,
          `version ${entry.version.text} is also ${earlier.found.file}'s (Flyway refuses two migrations of one version)`,
          entry.version.text,
        ),
      );
      continue;
    }
    const key = versionKey(entry.version);
    const undoFile = undo.get(key);
    undo.delete(key);
    add(
      entry.version.text,
      entry.found,
      data(entry.found, entry.version.text, entry.description),
      undoFile
        ? `${entry.found.file} has an undo file, ${undoFile.found.file}, but Switchyard does not run Flyway Teams' undo (the UNDO_SQL rows it writes in flyway_schema_history are not documented): run \`flyway undo\`, or a new versioned migration that reverses it.`
        : `Flyway has no way back from ${entry.found.file}: no undo file (${settings.undoPrefix}${entry.version.text}${settings.separator}…) beside it. Write a new versioned migration that reverses it.`,
      undoFile ? [undoFile.found.file] : [],
    );
  }
  for (const orphan of undo.values())
    result.unreadable.push(unused(orphan.found.file, `an undo file for version ${orphan.version.text}, which no versioned migration has`));
  for (const [i, entry] of repeatable.entries()) {
    const earlier = repeatable[i - 1];
    if (earlier && earlier.description === entry.description) {
      result.unreadable.push(
        duplicate(
          entry.found.file,
          `repeatable "${entry.description}" is also ${earlier.found.file}'s (Flyway refuses two repeatables of one description)`,
          entry.base,
        ),
      );
      continue;
    }
    add(
      entry.base,
      entry.found,
      data(entry.found, null, entry.description),
      `Flyway never reverts a repeatable migration (${entry.found.file}): change or remove the file, and upgrade.`,
      [],
    );
  }
  return result;
}

/** The migration's text, what runs of it and how, from the file and its script configuration; null (and named) when it cannot be read. */
function loadMigration(path: string, file: string, script: string, settings: FlywaySettings, anomalies: Anomaly[]): FoundFile | null {
  let text: string;
  try {
    text = normaliseText(readFileSync(path, 'utf8'));
  } catch (error) {
    anomalies.push(unreadableFile(file, 1, `cannot read: ${(error as Error).message}`));
    return null;
  }
  const own = readScriptConfig(path, file);
  anomalies.push(...own.unsupported);
  const { sql, unfilled } = fillPlaceholders(text, file, flywayTable, {
    ...settings,
    placeholderReplacement: own.placeholderReplacement ?? settings.placeholderReplacement,
  });
  anomalies.push(...unfilled);
  // As ParserSqlScript.executeInTransaction: the script's own setting, else none of its statements refuses a transaction and the project runs them in one.
  const transaction = own.executeInTransaction ?? (settings.executeInTransaction && !flywayRunsOutsideTransaction(sql, settings.mixed));
  return { file, script, text, sql, transaction };
}

function duplicate(file: string, why: string, revision: string): Anomaly {
  return {
    kind: 'duplicateRevision',
    message: `${file}: ${why}; Switchyard refuses to run the project too: rename one of them`,
    file,
    line: 1,
    revisions: [revision],
  };
}

// flyway_schema_history read back as Flyway's info reads it: the versions its rows leave applied (an
// undo or a repair's DELETE takes one back out, a baseline stands for every version up to its own),
// and each repeatable's latest successful run. A version the project has below an applied one, which
// Flyway calls "ignored" and refuses to migrate past, is refused here too: in Switchyard's chain of
// revisions it would otherwise read as applied.
import { SwitchyardError } from '../../../src-shared/errors';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { Driver } from '../../drivers/driver';
import { tableExists } from '../bookkeepingCatalog';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import type { RecordedState } from '../format';
import { flywayData } from './flywayReader';
import { flywayTable, recordedDescription } from './flywayTable';
import { compareFlywayVersions, parseFlywayVersion, versionKey } from './flywayVersion';

export const flywayTableExists = (driver: Driver) => tableExists(driver, flywayTable);

type HistoryRow = {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  installed_on: string | Date;
  execution_time: number;
  success: boolean | number;
};

function record(revision: string, row: HistoryRow): AppliedRecord {
  return {
    revision,
    checksum: row.checksum === null ? null : String(row.checksum),
    appliedAt: row.installed_on instanceof Date ? row.installed_on.toISOString() : String(row.installed_on),
    appliedBy: row.installed_by,
    durationMs: Number(row.execution_time),
  };
}

/** The versions the history leaves applied, in the order they were applied, and each repeatable's latest successful run. */
function replay(rows: readonly HistoryRow[]): { versions: Map<string, HistoryRow>; repeatables: Map<string, HistoryRow> } {
  const versions = new Map<string, HistoryRow>();
  const repeatables = new Map<string, HistoryRow>();
  for (const row of rows) {
    if (!row.success) continue;
    const version = row.version === null ? null : parseFlywayVersion(row.version);
    if (version === null) {
      // A repeatable's run; SCHEMA and other markers carry no version and no script of the project.
      if (row.type === 'SQL') repeatables.set(row.description, row);
      continue;
    }
    const key = versionKey(version);
    // An undo (Flyway Teams) or a repair's DELETE marker takes its version back out.
    if (row.type.startsWith('UNDO_') || row.type === 'DELETE') versions.delete(key);
    else {
      versions.delete(key);
      versions.set(key, row);
    }
  }
  return { versions, repeatables };
}

export async function readFlywayHistory(driver: Driver, read: ProjectFiles): Promise<RecordedState> {
  if (!(await flywayTableExists(driver))) return { initialised: false, records: [] };
  // Another format's project (its status naming this history, adopt --from flyway) has no Flyway scripts:
  // the history's versions are read as they are, and what Flyway would refuse is that project's no concern.
  const project = read.format === 'flyway' ? read : { ...read, files: [] };
  const rows = await driver.query<HistoryRow>(
    `SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success FROM ${flywayTable} ORDER BY installed_rank`,
  );
  const { versions, repeatables } = replay(rows);
  const byKey = new Map<string, string>();
  for (const file of project.files) {
    const version = flywayData(file).version;
    const parsed = version === null ? null : parseFlywayVersion(version);
    if (parsed) byKey.set(versionKey(parsed), file.revision.id);
  }
  const records: Array<AppliedRecord & { rank: number }> = [];
  let belowBaseline = -1;
  for (const [key, row] of versions) {
    if (row.type.includes('BASELINE')) {
      // A baseline stands for every version up to its own: recorded as the highest of them the project has.
      const baseline = parseFlywayVersion(row.version as string);
      const below = project.files.filter((f) => {
        const v = flywayData(f).version;
        const parsed = v === null ? null : parseFlywayVersion(v);
        return parsed !== null && baseline !== null && compareFlywayVersions(parsed, baseline) <= 0;
      });
      const highest = below[below.length - 1];
      if (highest) {
        records.push({ ...record(highest.revision.id, row), checksum: null, rank: row.installed_rank });
        belowBaseline = project.files.indexOf(highest);
      }
      continue;
    }
    records.push({ ...record(byKey.get(key) ?? (row.version as string), row), rank: row.installed_rank });
  }
  refuseIgnored(project, new Set(records.map((r) => r.revision)), belowBaseline);
  // Revisions are one chain and an applied revision implies those before it, so a repeatable counts as
  // applied only when everything before it does and its latest run had the file's checksum.
  const reported = new Set(records.map((r) => r.revision));
  const lastReported = project.files.reduce((last, file, i) => (reported.has(file.revision.id) ? i : last), -1);
  let unbroken = true;
  for (const [i, file] of project.files.entries()) {
    const data = flywayData(file);
    const latest = data.version === null ? repeatables.get(recordedDescription(data.description)) : undefined;
    if (unbroken && latest && latest.checksum === data.checksum) {
      records.push({ ...record(file.revision.id, latest), rank: latest.installed_rank });
      reported.add(file.revision.id);
    }
    unbroken &&= reported.has(file.revision.id) || i < lastReported;
  }
  records.sort((a, b) => a.rank - b.rank);
  return { initialised: true, records: records.map(({ rank: _rank, ...r }) => r) };
}

/** A versioned migration not applied below one that is (and above any baseline): Flyway's "ignored". */
function refuseIgnored(project: ProjectFiles, applied: ReadonlySet<string>, belowBaseline: number): void {
  const versioned = project.files.filter((f) => flywayData(f).version !== null);
  const last = versioned.reduce((at, file, i) => (applied.has(file.revision.id) ? i : at), -1);
  const ignored = versioned.filter((file, i) => i < last && !applied.has(file.revision.id) && project.files.indexOf(file) > belowBaseline);
  const first = ignored[0];
  const above = versioned[last];
  if (!first || !above) return;
  throw new SwitchyardError(
    'E_BOOKKEEPING_REFUSES',
    `${flywayTable} records version ${above.revision.id} but not ${ignored.map((f) => f.revision.id).join(', ')} (${first.revision.file}), which comes before it: Flyway calls such a migration ignored and refuses to migrate until it is run out of order (outOfOrder) or given a version above ${above.revision.id}. Switchyard reads a Flyway project as one ordered chain, so it would show ${first.revision.id} as applied: give the migration a higher version.`,
    { ignored: ignored.map((f) => f.revision.id), applied: above.revision.id },
  );
}

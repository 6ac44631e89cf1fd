// One count of a connection's problems, whichever tab shows it: the migration status's (unknown or
// edited revisions, a blocked upgrade, a refused run, another tool's bookkeeping), the inventory's
// (missing, conflicting and unexpected tables), the project graph's anomalies (several heads,
// missing parents, cycles…) and the schema's drift from the migrations. Two tabs counting differently
// was the complaint.
import { anomalyCounts } from '../../../src-shared/graph/anomalyNames';
import type { DriftReport } from '../../../src-shared/model/drift';
import type { Inventory } from '../../../src-shared/model/inventory';
import type { Anomaly, GraphReport } from '../../../src-shared/model/revision';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { countOf } from '../../../src-shared/format/plural';
import { setApartTables } from '../inventory/tableDrift';

export interface ProblemSummary {
  total: number;
  /** Each kind of problem found, in words ("1 missing table"); empty when there are none. */
  lines: string[];
  /** The inventory's table statuses may be static analysis's doing: said beside the count. */
  analysisIncomplete: string | undefined;
  /** What could not be read (no project bound, the status or the inventory failed): the count leaves it out. */
  unread: string[];
}

function statusLines(status: MigrationStatus): string[] {
  return [
    status.unknown.length ? `${countOf(status.unknown.length, 'revision')} recorded in the database but defined by no file` : '',
    status.changed.length ? `${countOf(status.changed.length, 'revision')} edited after being applied` : '',
    status.blockedBy ? `the upgrade is blocked: ${status.blockedBy}` : '',
    status.runRefusal ? `no run can start: ${status.runRefusal}` : '',
    // Another tool's bookkeeping only misleads when this project has none of its own.
    !status.initialised && status.otherBookkeeping?.length
      ? `${countOf(status.otherBookkeeping.length, "other tool's bookkeeping", "other tools' bookkeeping")} and none of this project's`
      : '',
  ].filter(Boolean);
}

/** Unexpected tables less those the project's rules set apart as another application's (never a problem). */
function unexpectedTables(inventory: Inventory, drift: DriftRead | undefined): number {
  return inventory.counts.unexpected - setApartTables(inventory.tables, drift?.report);
}

function inventoryLines(inventory: Inventory, unexpected: number): string[] {
  const { counts } = inventory;
  return [
    counts.missing ? countOf(counts.missing, 'missing table') : '',
    counts.conflict ? `${countOf(counts.conflict, 'conflicting table')} (the next upgrade would fail)` : '',
    unexpected ? countOf(unexpected, 'unexpected table') : '',
  ].filter(Boolean);
}

/** The graph's anomalies but a revision only the database knows: the status counts that one already. */
function graphAnomalies(report: GraphReport): Anomaly[] {
  return report.anomalies.filter((anomaly) => anomaly.kind !== 'unknownApplied');
}

/** The drift as read: `read` once its answer came, `report` absent when it failed (no project, a replay that failed). */
export interface DriftRead {
  report: DriftReport | undefined;
  read: boolean;
}

export function problemsOf(
  status: MigrationStatus | undefined,
  inventory: Inventory | undefined,
  graph: GraphReport | undefined,
  drift?: DriftRead,
): ProblemSummary {
  const anomalies = graph ? graphAnomalies(graph) : [];
  // A table missing or unexpected as a whole is the inventory's count already: drift adds what lies inside tables and beside them.
  const drifted = (drift?.report?.objects ?? []).filter((o) => o.kind !== 'table' || o.change === 'changed').length;
  const unexpected = inventory ? unexpectedTables(inventory, drift) : 0;
  const lines = [
    ...(status ? statusLines(status) : []),
    ...(inventory ? inventoryLines(inventory, unexpected) : []),
    ...anomalyCounts(anomalies),
    drifted ? `${countOf(drifted, 'drifted object')} besides the tables` : '',
  ].filter(Boolean);
  // Only a cycle or a missing parent blocks an upgrade: with the graph read, its anomaly counts it.
  const blockedByAnomaly = anomalies.some((anomaly) => anomaly.kind === 'cycle' || anomaly.kind === 'missingParent');
  const counted = [
    anomalies.length,
    status ? status.unknown.length + status.changed.length + (status.blockedBy && !blockedByAnomaly ? 1 : 0) + (status.runRefusal ? 1 : 0) : 0,
    status && !status.initialised ? (status.otherBookkeeping?.length ?? 0) : 0,
    inventory ? inventory.counts.missing + inventory.counts.conflict + unexpected : 0,
    drifted,
  ];
  return {
    total: counted.reduce((sum, n) => sum + n, 0),
    lines,
    analysisIncomplete: inventory?.analysisIncomplete?.message,
    unread: [
      status ? '' : 'the migration status',
      inventory ? '' : 'the inventory',
      graph ? '' : 'the project graph',
      drift && !(drift.read && drift.report) ? 'the drift' : '',
    ].filter(Boolean),
  };
}
